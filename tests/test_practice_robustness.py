"""自测题的判分经得起任何答案（issue 11 第 9 条）：怪对象、没有尽头的生成器、乱写的 hint 参数、
个数填小数、整张表冒充一组答案、绕开“不许用的值”、元组里的 ____。每条都给中文反馈，不报错、不卡住。"""

import subprocess
import sys
import textwrap

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ruralfin import labels
from ruralfin.practice import ____, ChoiceQuestion, CustomQuestion, NumberQuestion, SetQuestion
from ruralfin.practice import _core, lesson12, lesson42, lesson44
from ruralfin.practice._core import MAX_ITEMS


def _has_cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def _boom(*args, **kwargs):
    raise RuntimeError("学员的对象出错了")


DUNDERS = ["__class__", "__eq__", "__ne__", "__float__", "__int__", "__index__", "__iter__", "__len__", "__bool__",
           "__repr__", "__str__", "__hash__", "__getattr__", "__array__", "__lt__"]


def hostile(*names: str):
    """一个对象：``names`` 里的每个特殊方法（``__class__`` 为属性）一用就抛异常。"""
    ns = {name: property(_boom) if name == "__class__" else _boom for name in names}
    return type("Hostile", (), ns)()


def _questions():
    return [
        NumberQuestion("第 1 题", 3.0),
        NumberQuestion("第 2 题", 990, atol=0.5, unit="户", integer=True),
        ChoiceQuestion("第 3 题", "A", options={"A": "甲", "B": "乙"}),
        SetQuestion("第 4 题", {"a", "b"}),
        CustomQuestion("第 5 题", 1, judge=lambda a, e: (a == e, "不对")),
        lesson42.q3,
        lesson44.q4,
    ]


# -- 怪对象不能让 check() 报错 ------------------------------------------------------

@pytest.mark.parametrize("names", [["__class__"], ["__eq__"], ["__float__"], ["__iter__"], ["__len__"], DUNDERS],
                         ids=lambda n: "+".join(n) if len(n) < 3 else "all")
def test_hostile_answer_is_reported_as_wrong_never_raised(names, capsys):
    for q in _questions():
        r = q.evaluate(hostile(*names))
        assert r.outcome == "wrong", (q.name, r)
        assert _has_cjk(r.message), (q.name, r.message)
        q.check(hostile(*names))
        assert "【有误】" in capsys.readouterr().out


@pytest.mark.parametrize("q", _questions()[:4], ids=lambda q: type(q).__name__ + q.name)
def test_answer_whose_class_raises_cannot_be_recognised(q):
    r = q.evaluate(hostile("__class__"))
    assert r.outcome == "wrong" and r.message.startswith("无法识别你的答案"), r


def test_judge_result_whose_truth_value_raises_is_reported():
    q = CustomQuestion("第 1 题", 1, judge=lambda a, e: (hostile("__bool__"), "x"))
    r = q.evaluate(1)
    assert r.outcome == "wrong" and "无法识别你的答案" in r.message


@settings(max_examples=200, deadline=None)
@given(st.sets(st.sampled_from(DUNDERS)), st.sampled_from(range(5)), st.booleans())
def test_no_combination_of_broken_methods_escapes(names, which, wrapped):
    answer = hostile(*names)
    if wrapped:
        answer = [answer, answer]
    r = _questions()[which].evaluate(answer)
    assert r.outcome in ("wrong", "correct") and _has_cjk(r.message), r


# -- 没有尽头的生成器 ---------------------------------------------------------------

def test_infinite_generators_do_not_hang():
    """在子进程里跑（今天的代码会卡住：超时即失败，且不拖垮测试进程）。"""
    code = textwrap.dedent("""
        import itertools
        from ruralfin.practice import SetQuestion, lesson44
        q = SetQuestion("q", {"a", "b"}, item="客户")
        for answer in (itertools.repeat("a"), itertools.count(), (i for i in itertools.count())):
            r = q.evaluate(answer)
            print(r.outcome, r.message)
        r = lesson44.q4.evaluate(itertools.repeat("正常"))
        print(r.outcome, r.message)
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.strip().splitlines()
    assert len(lines) == 4
    assert all(line.startswith("wrong ") and "停下了" in line for line in lines[:3]), lines
    assert f"客户超过 {MAX_ITEMS} 个" in lines[0]
    assert lines[3].startswith("wrong ") and "分类超过 100 个" in lines[3]


def test_finite_generators_and_views_still_count():
    q = SetQuestion("q", {"a", "b"})
    assert q.evaluate(x for x in "ab").outcome == "correct"
    assert q.evaluate({"a": 1, "b": 2}.keys()).outcome == "correct"
    assert q.evaluate(iter(["a", "b", "a"])).outcome == "correct"


# -- hint() 的参数 --------------------------------------------------------------------

@pytest.mark.parametrize("n", ["abc", float("nan"), -1, 1.5, 0, 4, True, float("inf"), [1], "<hostile>"],
                         ids=["text", "nan", "negative", "fraction", "zero", "too_big", "bool", "inf", "list", "hostile"])
def test_bad_hint_argument_says_what_is_expected(n, capsys):
    if n == "<hostile>":
        n = hostile("__class__", "__repr__", "__float__")
    q = NumberQuestion("第 1 题", 1.0, hints=["甲", "乙", "丙"])
    q.hint(n)
    out = capsys.readouterr().out
    assert out.startswith("【提示】第 1 题：hint() 的参数是提示的序号：本题有 3 条提示"), out
    assert "hint(1) 到 hint(3)" in out
    q.hint()  # 依次看提示不受影响
    assert "（提示 1/3，再运行一次 hint() 看下一条）：甲" in capsys.readouterr().out


def test_good_hint_arguments(capsys):
    q = NumberQuestion("第 1 题", 1.0, hints=["甲", "乙"])
    q.hint(2.0)
    q.hint(np.int64(1))
    out = capsys.readouterr().out
    assert "（提示 2/2）：乙" in out and "（提示 1/2，再运行一次 hint() 看下一条）：甲" in out


# -- 个数只收整数 ---------------------------------------------------------------------

def test_integer_question_rejects_fractions():
    q = NumberQuestion("第 1 题", 990, rtol=0, atol=0.5, unit="户", integer=True)
    r = q.evaluate(990.3)
    assert r.outcome == "wrong" and "应为整数" in r.message and r.message.startswith("户数")
    assert "990" not in r.message.replace("990.3", "")  # 不泄露答案
    for ok in (990, 990.0, np.int64(990), np.array([990])):
        assert q.evaluate(ok).outcome == "correct"
    assert "应为整数" in q.evaluate(float("inf")).message
    assert NumberQuestion("q", 990, atol=0.5).evaluate(990.3).outcome == "correct"  # 默认不要求整数


@pytest.mark.parametrize("q", [lesson12.q1, lesson12.q3, lesson42.q1], ids=lambda q: q.name)
def test_count_questions_in_lessons_want_integers(q):
    assert q.integer is True and q.unit in ("户", "个")


def test_lesson_count_with_a_fraction_is_wrong():
    expected = lesson12.q1.expected
    assert lesson12.q1.evaluate(expected).outcome == "correct"
    r = lesson12.q1.evaluate(expected + 0.3)
    assert r.outcome == "wrong" and "应为整数" in r.message
    n10 = lesson12.q5.expected(10.0)
    assert lesson12.q5.evaluate((10, n10)).outcome == "correct"
    r = lesson12.q5.evaluate((10, n10 + 0.3))
    assert r.outcome == "wrong" and "整数" in r.message


# -- 一整张表不是一组答案 -----------------------------------------------------------

def test_dataframe_with_answer_as_column_names_is_not_accepted():
    frame = pd.DataFrame(columns=["age", "revenue"])
    q = SetQuestion("第 3 题", {"age", "revenue"}, item="特征")
    r = q.evaluate(frame)
    assert r.outcome == "wrong" and "DataFrame" in r.message and "那一列" in r.message
    assert "字典" in q.evaluate({"age": 1, "revenue": 2}).message
    assert "2 维数组" in q.evaluate(np.array([["age", "revenue"]])).message
    for ok in (["age", "revenue"], ("revenue", "age"), {"age", "revenue"}, frozenset({"age", "revenue"}),
               pd.Series(["age", "revenue"]), pd.Index(["age", "revenue"]), np.array(["age", "revenue"])):
        assert q.evaluate(ok).outcome == "correct", ok
    assert ChoiceQuestion("q", "A", options={"A": "甲"}).evaluate(pd.DataFrame(columns=["A"])).outcome == "wrong"
    grades = pd.DataFrame(columns=["正常", "关注", "关注", "次级", "损失"])
    r = lesson44.q4.evaluate(grades)
    assert r.outcome == "wrong" and "DataFrame" in r.message
    assert lesson44.q4.evaluate(list(grades.columns)).outcome == "correct"


# -- 不许用的值要带容差比较 ---------------------------------------------------------

def test_forbidden_tolerance_cannot_be_dodged():
    precision_at_default = float(lesson42._metrics_at(lesson42.TOLERANCE)["precision"])
    for tol in (0.3, 0.30000001, 0.2999999, np.float32(0.3)):
        r = lesson42.q3.evaluate((tol, precision_at_default))
        assert r.outcome == "wrong" and "不要用 0.3" in r.message, (tol, r)
    assert lesson42.q3.evaluate((0.2, float(lesson42._metrics_at(0.2)["precision"]))).outcome == "correct"


def test_default_threshold_cannot_be_dodged():
    n_default = lesson12.q5.expected(5.0)
    r = lesson12.q5.evaluate((5.0000001, n_default))
    assert r.outcome == "wrong" and "默认门槛" in r.message


# -- 元组、列表、字典里的 ____ 是“未作答” ----------------------------------------------

@pytest.mark.parametrize("answer", [(____, ____), [____, ____], {"门槛": ____, "人数": ____}, ((____, ____), ____),
                                    (...,), (0.2, ____), [____, "a"], {"a": 1, "b": ____}])
def test_blanks_inside_containers_are_unanswered(answer):
    for q in [CustomQuestion("第 1 题", 1, judge=lambda a, e: (False, "x")), SetQuestion("第 2 题", {"a"}),
              lesson42.q3, lesson12.q5]:
        r = q.evaluate(answer)
        assert r.outcome == "unanswered", (q.name, answer, r)
        assert "____" in r.message


def test_partly_answered_says_how_many_blanks_are_left():
    q = CustomQuestion("第 1 题", 1, judge=lambda a, e: (False, "x"))
    assert q.evaluate((0.2, ____, ____)).message == "还有 2 处是 ____：把它们都换成你的答案，再运行本单元。"
    assert q.evaluate((____, ____)).message == "还没有作答：把 ____ 换成你的答案，再运行本单元。"
    assert q.evaluate(()).outcome == "wrong" and q.evaluate([1, 2]).outcome == "wrong"
    assert q.evaluate([[[____]]]).outcome == "wrong"  # 只往里找两层


# -- 框的标题来自登记处 -------------------------------------------------------------

def test_titles_come_from_the_label_registry():
    assert not hasattr(_core, "OUTCOME_TEXT")
    outcome = labels.get("outcome").values
    for kind in ("correct", "wrong", "unanswered"):
        assert _core._title(kind) == outcome[kind]
        assert f">{outcome[kind]}</b>" in _core._box(kind, "第 1 题", "说明")
    assert _core._title("hint") == labels.text("practice.hint_title") == "提示"
    assert _core._title("solution") == labels.text("practice.solution_title") == "参考答案"
    assert repr(NumberQuestion("第 1 题", 1.0)) == labels.text("practice.question_repr", kind="NumberQuestion",
                                                               name="第 1 题")
    assert len(outcome) == 3
    assert NumberQuestion("第 1 题", 1.0).evaluate(2.0).text.startswith("【有误】第 1 题：")


def test_expected_value_failure_is_not_blamed_on_the_learner():
    r = NumberQuestion("第 1 题", lambda: 1 / 0).evaluate(1.0)
    assert r.outcome == "wrong" and "不是你的答案的问题" in r.message and "ZeroDivisionError" in r.message
    assert NumberQuestion("第 1 题", lambda: 1 / 0).evaluate(____).outcome == "unanswered"  # 未作答不用算答案
