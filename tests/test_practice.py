import datetime as dt
import importlib
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ruralfin.errors import RuralfinValueError
from ruralfin.practice import ____, ChoiceQuestion, CustomQuestion, NumberQuestion, SetQuestion
from ruralfin.practice._core import Question, link_solutions
from ruralfin.practice.build import (
    PROMPT,
    build_exercise,
    build_exercises,
    course_root,
    exercise_source,
    find_solution,
    reset_exercise,
    solution_regions,
)

ROOT = Path(__file__).resolve().parents[1]


# -- 判分 -------------------------------------------------------------------

def test_number_question_outcomes_and_lazy_expected():
    calls = []

    def expected():
        calls.append(1)
        return 5.15

    q = NumberQuestion("第 1 题", expected, rtol=1e-3, unit="%")
    assert calls == []  # 期望值在第一次检查时才计算
    assert q.evaluate(5.15).outcome == "correct"
    assert q.evaluate(np.float64(5.151)).outcome == "correct"
    assert q.evaluate(np.array([5.15])).outcome == "correct"
    assert q.evaluate(____).outcome == "unanswered"
    r = q.evaluate(6.0)
    assert r.outcome == "wrong" and "偏大" in r.message and "5.15" not in r.message
    assert "偏小" in q.evaluate(1.0).message
    assert "小数" in NumberQuestion("q", 0.0515).evaluate(5.15).message
    pct = NumberQuestion("q", 5.345, unit="%")
    assert "不用再乘 100" in pct.evaluate(534.5).message
    assert "而不是 0.052" in pct.evaluate(0.05345).message
    assert "1 万倍" in NumberQuestion("q", 12.0, unit="万元").evaluate(120000).message
    assert "正负号" in q.evaluate(-5.15).message
    assert "NaN" in q.evaluate(float("nan")).message
    assert "一个数" in q.evaluate(pd.Series([1.0, 2.0])).message
    assert "文字" in q.evaluate("5.15").message
    assert "一个数" in q.evaluate(True).message
    assert calls == [1]


@settings(max_examples=150, deadline=None)
@given(st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True, allow_infinity=True),
                 st.text(), st.lists(st.integers()), st.dictionaries(st.text(), st.integers()),
                 st.binary(), st.complex_numbers(allow_nan=True)))
def test_checks_never_raise(answer):
    questions = [
        NumberQuestion("q1", 3.0),
        ChoiceQuestion("q2", "A", options={"A": "甲", "B": "乙"}),
        SetQuestion("q3", {"a", "b"}),
        CustomQuestion("q4", 1, judge=lambda a, e: (a == e, "x")),
    ]
    for q in questions:
        r = q.evaluate(answer)
        assert r.outcome in ("correct", "wrong", "unanswered")
        assert isinstance(r.message, str) and r.message


def test_checker_bug_is_reported_not_raised():
    q = CustomQuestion("q", 1, judge=lambda a, e: 1 / 0)
    r = q.evaluate(5)
    assert r.outcome == "wrong" and "没能检查" in r.message


def test_choice_and_set_feedback():
    q = ChoiceQuestion("第 2 题", lambda: "B", options={"A": "只看利差", "B": "看综合收益"})
    assert q.evaluate(" b ").outcome == "correct"
    assert q.evaluate("看综合收益").outcome == "correct"
    assert "引号" in q.evaluate(2).message
    s = SetQuestion("第 3 题", ["x", "y", "z"], item="客户")
    assert s.evaluate(np.array(["z", "y", "x"])).outcome == "correct"
    assert s.evaluate(["x", "y"]).message == "少了 1 个客户。"
    assert "一组客户" in s.evaluate("x").message


def test_hints_step_through_and_solution(capsys):
    q = NumberQuestion("第 1 题", 1.0, hints=["先想公式", "再代数"], solution="x = 1")
    q.hint(); q.hint(); q.hint(); q.solution(); q.check(2.0); q.check()
    out = capsys.readouterr().out
    assert "提示 1/2" in out and out.count("提示 2/2") == 2
    assert "【参考答案】第 1 题：\nx = 1" in out
    assert "【有误】" in out and "【未作答】" in out
    assert "没有提示" in _capture(NumberQuestion("q", 1).hint, capsys)


def _capture(fn, capsys):
    fn()
    return capsys.readouterr().out


# -- 由答案本生成练习本 -------------------------------------------------------

def test_exercise_source_variants():
    src = "a = 1\n    ### BEGIN SOLUTION\n    x, y = 1, 2\n    z += 3\n    ### END SOLUTION\nprint(a)"
    assert exercise_source(src) == f"a = 1\n    {PROMPT}\n    x = ____\n    y = ____\n    z = ____\nprint(a)"
    assert exercise_source("### BEGIN SOLUTION\nprint(1)\n### END SOLUTION") == f"{PROMPT}\n____"
    assert exercise_source("x = 1") == "x = 1"
    with pytest.raises(RuralfinValueError, match="结束标记"):
        exercise_source("### BEGIN SOLUTION\nx = 1\n")


def _solution_nb():
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_markdown_cell("# 练习"),
        nbformat.v4.new_code_cell("from ruralfin.practice import ____"),
        nbformat.v4.new_code_cell("### BEGIN SOLUTION q1\nanswer = 41 + 1  # 说明\n### END SOLUTION\nex.q1.check(answer)"),
        nbformat.v4.new_code_cell("secret = 1", metadata={"tags": ["solution-only"]}),
        nbformat.v4.new_code_cell("value = 3", metadata={"tags": ["solution"]}),
        nbformat.v4.new_markdown_cell("因为……", metadata={"tags": ["solution"]}),
    ]
    nb.cells[2].outputs = [nbformat.v4.new_output("stream", text="42")]
    nb.cells[2].execution_count = 7
    nb.metadata["widgets"] = {"state": {}}
    return nb


def test_build_exercise_strips_answers_outputs_and_widgets():
    sol = _solution_nb()
    before = nbformat.writes(sol)
    ex = build_exercise(sol)
    assert nbformat.writes(sol) == before  # 输入不变
    sources = [c.source for c in ex.cells]
    assert "secret = 1" not in sources
    assert sources[2] == f"{PROMPT}\nanswer = ____\nex.q1.check(answer)"
    assert sources[3] == f"{PROMPT}\nvalue = ____"
    assert "你的答案" in sources[4] and "tags" not in ex.cells[4].metadata
    assert all(c.outputs == [] and c.execution_count is None for c in ex.cells if c.cell_type == "code")
    assert "widgets" not in ex.metadata
    assert ex.metadata["ruralfin"]["solutions"] == {"q1": "answer = 41 + 1  # 说明"}
    assert [c.id for c in ex.cells] == [c.id for i, c in enumerate(sol.cells) if i != 3]


@pytest.fixture
def course(tmp_path):
    (tmp_path / "solutions").mkdir()
    (tmp_path / "exercises").mkdir()
    nbformat.write(_solution_nb(), tmp_path / "solutions" / "11_goals.ipynb")
    return tmp_path


def test_build_exercises_detects_drift_and_is_deterministic(course):
    assert build_exercises(course, check=True) == [course / "exercises" / "11_goals.ipynb"]
    assert build_exercises(course) == [course / "exercises" / "11_goals.ipynb"]
    first = (course / "exercises" / "11_goals.ipynb").read_bytes()
    assert build_exercises(course) == []
    assert build_exercises(course, check=True) == []
    assert (course / "exercises" / "11_goals.ipynb").read_bytes() == first
    (course / "exercises" / "99_stray.ipynb").write_text("{}")
    assert build_exercises(course, check=True) == [course / "exercises" / "99_stray.ipynb"]


def test_reset_writes_a_clean_copy_and_never_touches_the_open_notebook(course):
    """学员在打开的练习本里重置：原文件不动（否则下次保存会把旧作答写回去），旁边新建干净的一份。"""
    build_exercises(course)
    target = course / "exercises" / "11_goals.ipynb"
    target.write_text("学员的作答", encoding="utf-8")
    fresh = reset_exercise("11", root=course)
    assert fresh == course.resolve() / "exercises" / "11_goals-clean1.ipynb"
    assert target.read_text(encoding="utf-8") == "学员的作答"
    assert "____" in fresh.read_text(encoding="utf-8")
    fresh.write_text("第二次作答", encoding="utf-8")
    again = reset_exercise("11_goals.ipynb", root=course)
    assert again.name == "11_goals-clean2.ipynb"
    assert fresh.read_text(encoding="utf-8") == "第二次作答"
    assert build_exercises(course, check=True) == [target.resolve()]  # 学员的作答与答案本不同
    assert not (course / "exercises" / "backups").exists()
    with pytest.raises(RuralfinValueError, match="没有名为 '12' 的练习；现有练习：11_goals.ipynb"):
        reset_exercise("12", root=course)


def test_clean_copies_are_not_stray_exercises(course):
    build_exercises(course)
    reset_exercise("11", root=course)
    assert build_exercises(course, check=True) == []


def test_reset_replace_keeps_a_dated_backup_and_never_overwrites(course):
    build_exercises(course)
    target = course / "exercises" / "11_goals.ipynb"
    target.write_text("学员的作答", encoding="utf-8")
    when = dt.datetime(2026, 11, 28, 9, 30, 0)
    assert reset_exercise("11", root=course, replace=True, now=when) == target.resolve()
    b1 = course / "exercises" / "backups" / "11_goals-20261128-093000.ipynb"
    assert b1.read_text(encoding="utf-8") == "学员的作答"
    target.write_text("第二次作答", encoding="utf-8")
    reset_exercise("11_goals.ipynb", root=course, replace=True, now=when)
    b2 = course / "exercises" / "backups" / "11_goals-20261128-093000-1.ipynb"
    assert b1.read_text(encoding="utf-8") == "学员的作答"
    assert b2.read_text(encoding="utf-8") == "第二次作答"
    assert build_exercises(course, check=True) == []  # 换上的是干净的练习本
    target.unlink()
    assert reset_exercise("11", root=course) == target.resolve() and target.exists()


def test_reset_does_not_clobber_a_learner_file_named_like_a_temp_file(course):
    build_exercises(course)
    mine = course / "exercises" / "11_goals.tmp"
    mine.write_text("学员自己的文件", encoding="utf-8")
    reset_exercise("11", root=course, replace=True)
    assert mine.read_text(encoding="utf-8") == "学员自己的文件"
    assert not [p for p in (course / "exercises").iterdir() if p.name.startswith(".11_goals-")]


def test_build_exercises_backs_up_an_edited_exercise(course):
    build_exercises(course)
    target = course / "exercises" / "11_goals.ipynb"
    target.write_text("学员改过的练习本", encoding="utf-8")
    assert build_exercises(course) == [target.resolve()]
    backups = list((course / "exercises" / "backups").glob("11_goals-*.ipynb"))
    assert [b.read_text(encoding="utf-8") for b in backups] == ["学员改过的练习本"]


def test_explicit_root_beats_environment_and_must_be_a_course(course, tmp_path_factory, monkeypatch):
    other = tmp_path_factory.mktemp("other_course")
    (other / "solutions").mkdir()
    (other / "exercises").mkdir()
    monkeypatch.setenv("RURALFIN_COURSE_DIR", str(other))
    assert course_root(course) == course.resolve()
    assert course_root() == other.resolve()
    not_course = tmp_path_factory.mktemp("not_a_course")
    with pytest.raises(RuralfinValueError, match="不是课程目录"):
        reset_exercise("11", root=not_course)
    with pytest.raises(RuralfinValueError, match="不是课程目录"):
        build_exercises(course / "exercises")
    monkeypatch.setenv("RURALFIN_COURSE_DIR", str(not_course))
    with pytest.raises(RuralfinValueError, match="RURALFIN_COURSE_DIR"):
        course_root()


def test_course_root_errors_in_chinese(tmp_path, monkeypatch):
    monkeypatch.delenv("RURALFIN_COURSE_DIR", raising=False)
    monkeypatch.setattr("ruralfin.practice.build.__file__", str(tmp_path / "a" / "b" / "c.py"))
    monkeypatch.chdir(tmp_path)
    with pytest.raises(RuralfinValueError, match="找不到课程目录"):
        course_root()


def test_cli_reset_and_check(course):
    run = lambda *a: subprocess.run([sys.executable, "-m", "ruralfin", *a], capture_output=True, text=True)  # noqa: E731
    r = run("build-exercises", "--check", "--root", str(course))
    assert r.returncode == 1 and "11_goals.ipynb" in r.stdout
    assert run("build-exercises", "--root", str(course)).returncode == 0
    assert run("build-exercises", "--check", "--root", str(course)).returncode == 0
    r = run("reset-exercise", "11", "--root", str(course))
    assert r.returncode == 0 and "11_goals-clean1.ipynb" in r.stdout and "没有改动" in r.stdout
    r = run("reset-exercise", "11", "--replace", "--root", str(course))
    assert r.returncode == 0 and "已备份到" in r.stdout
    r = run("reset-exercise", "77", "--root", str(course))
    assert r.returncode == 1 and "没有名为 '77' 的练习" in r.stderr


def test_correct_feedback_puts_percent_sign_right_after_the_number():
    """中文排版：5.345%，不是 5.345 %；汉字单位前仍空一格。"""
    assert NumberQuestion("第 1 题", 5.345, unit="%").evaluate(5.345).message == "答对了：5.345%。"
    assert NumberQuestion("第 2 题", 2828, unit="户").evaluate(2828).message == "答对了：2,828 户。"
    assert NumberQuestion("第 3 题", 1.5, unit="个百分点").evaluate(1.5).message == "答对了：1.5 个百分点。"
    assert NumberQuestion("第 4 题", 0.01).evaluate(0.01).message == "答对了：0.01。"


@pytest.mark.notebook
def test_reset_from_inside_a_notebook_shows_a_link_to_the_clean_copy(course):
    """在练习本里运行 rf.reset_exercise：输出一个相对于该 notebook 的链接，原文件不动。"""
    from nbclient import NotebookClient

    build_exercises(course)
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("import ruralfin as rf\nrf.reset_exercise('11')")]
    client = NotebookClient(nb, timeout=60, kernel_name="python3",
                            resources={"metadata": {"path": str(course / "exercises")}})
    client.execute()
    shown = [o["data"]["text/markdown"] for o in nb.cells[0].outputs if "text/markdown" in o.get("data", {})]
    assert shown and "[11_goals-clean1.ipynb](11_goals-clean1.ipynb)" in shown[0]
    assert not any("PosixPath" in str(o.get("data", {}).get("text/plain", "")) for o in nb.cells[0].outputs)
    assert "没有任何改动" in shown[0]
    assert (course / "exercises" / "11_goals-clean1.ipynb").exists()


# -- 参考答案只有一个出处：答案本的答案区 ------------------------------------------

def test_solution_regions_need_a_question_key_and_only_one_each():
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("### BEGIN SOLUTION\nx = 1\n### END SOLUTION")]
    with pytest.raises(RuralfinValueError, match="写明题号"):
        solution_regions(nb)
    nb.cells = [nbformat.v4.new_code_cell("### BEGIN SOLUTION q1\nx = 1\n### END SOLUTION")] * 2
    with pytest.raises(RuralfinValueError, match="q1 有两个答案区"):
        solution_regions(nb)
    nb.cells = [nbformat.v4.new_code_cell("    ### BEGIN SOLUTION q2\n    y = 2\n    ### END SOLUTION\n"),
                nbformat.v4.new_code_cell("### BEGIN SOLUTION q3\nz = 3\n### END SOLUTION", metadata={"tags": ["solution-only"]})]
    assert solution_regions(nb) == {"q2": "y = 2"}


def test_solution_comes_from_the_exercise_metadata(course, capsys):
    build_exercises(course)
    q1 = NumberQuestion("第 1 题", 42)
    link_solutions({"q1": q1, "other": q1}, "11_goals")
    assert find_solution("11_goals", "q1", root=course) == "answer = 41 + 1  # 说明"
    with pytest.raises(RuralfinValueError, match="没有找到 q2 的参考答案"):
        find_solution("11_goals", "q2", root=course)
    (course / "exercises" / "11_goals.ipynb").write_text("学员把文件改坏了", encoding="utf-8")
    assert find_solution("11_goals", "q1", root=course) == "answer = 41 + 1  # 说明"  # 退回读答案本


def test_solution_without_the_course_folder_says_where_to_look(tmp_path, monkeypatch, capsys):
    monkeypatch.delenv("RURALFIN_COURSE_DIR", raising=False)
    monkeypatch.setattr("ruralfin.practice.build.__file__", str(tmp_path / "a" / "b" / "c.py"))
    monkeypatch.chdir(tmp_path)
    q = NumberQuestion("第 3 题", 1.0)
    link_solutions({"q3": q}, "43_scorecard")
    q.solution()
    out = capsys.readouterr().out
    assert "【参考答案】第 3 题" in out and "没有找到课程文件夹" in out
    assert "solutions/43_scorecard.ipynb" in out and "### BEGIN SOLUTION q3" in out and "ex.q3.solution()" in out


def _lesson_questions(module) -> dict[str, Question]:
    return {k: v for k, v in vars(module).items() if re.fullmatch(r"q\d+", k) and isinstance(v, Question)}


SOLUTION_NOTEBOOKS = sorted((ROOT / "solutions").glob("*.ipynb"))


@pytest.mark.parametrize("path", SOLUTION_NOTEBOOKS, ids=lambda p: p.name)
def test_every_question_has_exactly_one_region_and_every_region_a_question(path):
    """题目模块 lessonNN 的每道题在答案本里恰有一个同名答案区，答案区所在的单元格检查的就是这道题；
    反过来，每个答案区都对应一道题。题目里不再另写参考答案。"""
    module = importlib.import_module(f"ruralfin.practice.lesson{path.stem[:2]}")
    questions = _lesson_questions(module)
    nb = nbformat.read(path, as_version=4)
    regions = solution_regions(nb)
    assert set(questions) == set(regions), (f"没有答案区的题：{sorted(set(questions) - set(regions))}；"
                                            f"没有题的答案区：{sorted(set(regions) - set(questions))}")
    for cell in nb.cells:
        for key in re.findall(r"### BEGIN SOLUTION (q\d+)", cell.source):
            assert re.findall(r"\bex\.(q\d+)\.check\(", cell.source) == [key], cell.source
    for key, q in questions.items():
        assert q._source == (path.stem, key)
        assert q._solution == "", f"{key} 不要再写 solution=：参考答案来自答案本的答案区"


def test_solution_shows_the_region_of_the_solution_notebook(capsys):
    from ruralfin.practice import lesson11

    lesson11.q2.solution()
    out = capsys.readouterr().out
    assert out.startswith("【参考答案】第 2 题：\nrate = rf.economics.break_even_rate(prob_default=0.03, lgd=0.4)")
