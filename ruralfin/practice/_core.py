"""自测练习的核心：题目类型、判分与中文反馈。

学员在练习本里把 ``____`` 换成自己的答案，然后运行 ``ex.q1.check(答案)``。
结果只有三种：**正确**、**有误**（附一条具体、有帮助但不泄露答案的提示）、
**未作答**（占位符 ``____`` 还没换掉）。检查永远不会因为答案类型不对而报错，
而是解释哪里不对。``ex.q1.hint()`` 逐条给提示，``ex.q1.solution()`` 给参考答案。

期望值由库和数据现算（传入一个无参函数），不写死在题目里。参考答案只写一处：答案本
``solutions/NN_*.ipynb`` 里标着 ``### BEGIN SOLUTION q1`` 的答案区；题目模块在末尾调用
:func:`link_solutions`，``solution()`` 显示的就是那一段（见 :mod:`ruralfin.practice.build`）。
"""

from __future__ import annotations

import html
import itertools
import math
import re
from collections.abc import Callable, Iterable, Iterator, KeysView, Mapping, Sequence, Set, ValuesView
from dataclasses import dataclass
from functools import lru_cache
from numbers import Real
from typing import Any

__all__ = [
    "____",
    "Blank",
    "Result",
    "Question",
    "NumberQuestion",
    "ChoiceQuestion",
    "SetQuestion",
    "CustomQuestion",
    "AnswerError",
    "MAX_ITEMS",
    "as_items",
    "as_number",
    "link_solutions",
    "load",
]

#: 一组答案（列表、生成器……）最多读这么多项：没有尽头的生成器不会让检查卡住。
MAX_ITEMS = 10_000
#: 空位（``____``）最多往里找两层：``((____, ____), ____)``。
_BLANK_DEPTH = 2

_COLORS = {  # 左边框颜色、底色
    "correct": ("#2e7d32", "#e8f5e9"),
    "wrong": ("#c62828", "#ffebee"),
    "unanswered": ("#6d6d6d", "#f3f3f3"),
    "hint": ("#1565c0", "#e3f2fd"),
    "solution": ("#6a1b9a", "#f3e5f5"),
}


class Blank:
    """占位符 ``____``：练习本里待填的位置。它不等于任何答案。"""

    _instance = None

    def __new__(cls):
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "____"

    def __bool__(self) -> bool:
        return False


#: 练习本里的占位符。
____ = Blank()


@dataclass(frozen=True)
class Result:
    """一次检查的结果。``outcome`` 为 ``"correct"``、``"wrong"`` 或 ``"unanswered"``。"""

    question: str
    outcome: str
    message: str

    @property
    def text(self) -> str:
        return f"【{_title(self.outcome)}】{self.question}：{self.message}"

    def _repr_html_(self) -> str:
        return _box(self.outcome, self.question, self.message)

    def __repr__(self) -> str:
        return self.text


def _title(kind: str) -> str:
    """框的标题：结果（正确/有误/未作答）取自登记处 ``outcome`` 列的取值名，另有“提示”“参考答案”。"""
    from .. import labels

    if kind in ("hint", "solution"):
        return labels.text(f"practice.{kind}_title")
    return labels.value_label("outcome", kind)


def _box(kind: str, title: str, body: str, *, pre: bool = False) -> str:
    border, bg = _COLORS[kind]
    body_html = f"<pre style='margin:4px 0 0 0'>{html.escape(body)}</pre>" if pre else html.escape(body).replace("\n", "<br>")
    return (
        f"<div style='border-left:6px solid {border};background:{bg};padding:8px 12px;margin:4px 0;"
        f"font-size:1.05em'><b style='color:{border}'>{_title(kind)}</b>"
        f"<span style='color:#555'> · {html.escape(title)}</span><br>{body_html}</div>"
    )


def _publish(kind: str, question: str, text: str, html_: str) -> None:
    """在 Jupyter 里显示带样式的结果（附机器可读的元数据，供测试读取）；否则打印文字。"""
    try:
        from IPython import get_ipython
        from IPython.display import publish_display_data
    except ImportError:  # pragma: no cover - IPython 是课程依赖
        get_ipython = None
    if get_ipython is not None and get_ipython() is not None:
        publish_display_data(
            {"text/plain": text, "text/html": html_},
            metadata={"ruralfin": {"question": question, "outcome": kind}},
        )
    else:
        print(text)


class AnswerError(Exception):
    """答案的形式不对。消息是给学员看的中文反馈：判分函数（如 :func:`as_items`）抛出它，
    :meth:`Question.evaluate` 把它报成“有误”。"""


def _safe_repr(value: Any, limit: int = 40) -> str:
    """答案的简短表示；对象连 ``repr`` 都出错时只写类型名。"""
    try:
        text = repr(value)
    except Exception:  # 学员的对象可能什么都不让做
        return type(value).__name__
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _blanks(answer: Any, depth: int = 0) -> tuple[int, int]:
    """(空位数, 位置数)：``____``（或 ``...``）本身，以及元组、列表、字典的值里的空位（往里找两层）。

    只看 ``type(answer)``，不碰答案对象自己的方法（它们可能出错）。

    >>> _blanks(____), _blanks((____, ____)), _blanks((0.2, ____)), _blanks({"a": ____}), _blanks(3)
    ((1, 1), (2, 2), (1, 2), (1, 1), (0, 1))
    """
    kind = type(answer)
    if kind is Blank or answer is Ellipsis:
        return 1, 1
    if depth < _BLANK_DEPTH and kind in (tuple, list, dict):
        parts = answer.values() if kind is dict else answer
        counts = [_blanks(a, depth + 1) for a in itertools.islice(parts, MAX_ITEMS)]
        if counts:
            return sum(c[0] for c in counts), sum(c[1] for c in counts)
    return 0, 1


class Question:
    """一道自测题。子类实现 :meth:`judge`。

    Parameters
    ----------
    name : str
        题号，如 ``"第 1 题"``。
    expected : callable or value
        期望答案；传入无参函数时在第一次检查时才计算（由库和数据现算）。
    hints : sequence of str
        由浅入深的提示，``hint()`` 每调用一次给下一条。
    solution : str, optional
        参考答案（代码或文字），``solution()`` 显示。课程里的题目不写这一项：答案来自答案本的
        答案区（:func:`link_solutions`）。
    """

    def __init__(self, name: str, expected: Any, *, hints: Iterable[str] = (), solution: str = ""):
        self.name = name
        self._expected_source = expected
        self._expected_cache: Any = Blank
        self.hints = list(hints)
        self._solution = solution
        self._source: tuple[str, str] | None = None  # (答案本名, 题号)，由 link_solutions 设置
        self._next_hint = 0

    @property
    def expected(self) -> Any:
        if self._expected_cache is Blank:
            src = self._expected_source
            self._expected_cache = src() if callable(src) else src
        return self._expected_cache

    # -- 子类实现 ---------------------------------------------------------
    def judge(self, answer: Any) -> tuple[bool, str]:
        """返回 (是否正确, 反馈)。反馈不能泄露答案。"""
        raise NotImplementedError

    # -- 学员调用 ---------------------------------------------------------
    def evaluate(self, answer: Any = ____) -> Result:
        """判分但不显示，返回 :class:`Result`（测试和小组件用）。

        还是 ``____``，或元组、列表、字典里还有 ``____`` 时为“未作答”。答案对象自己的方法出错
        （``__class__``、``__eq__``、``__iter__`` 等）不会传出去：报“有误”，说明无法识别。
        """
        from .. import labels

        try:
            blank, places = _blanks(answer)
            if blank and blank == places:
                return Result(self.name, "unanswered", labels.text("practice.unanswered"))
            if blank:
                return Result(self.name, "unanswered", labels.text("practice.partly_unanswered", n=blank))
        except Exception as exc:
            return Result(self.name, "wrong", labels.text("practice.unreadable", error=type(exc).__name__))
        try:
            self.expected  # 先算期望答案：这里出错是课程的问题，不怪学员的答案
        except Exception as exc:
            return Result(self.name, "wrong", labels.text("practice.expected_failed", error=type(exc).__name__))
        try:
            ok, message = self.judge(answer)
            return Result(self.name, "correct" if bool(ok) else "wrong", str(message))
        except AnswerError as exc:
            return Result(self.name, "wrong", str(exc))
        except Exception as exc:  # 检查绝不因学员的答案而崩溃
            return Result(self.name, "wrong", labels.text("practice.unreadable", error=type(exc).__name__))

    def check(self, answer: Any = ____) -> None:
        """检查答案并显示 正确 / 有误 / 未作答。"""
        r = self.evaluate(answer)
        _publish(r.outcome, self.name, r.text, r._repr_html_())

    def hint(self, n: Any = None) -> None:
        """显示第 ``n`` 条提示（``n`` 为 1 到提示条数之间的整数）；不给 ``n`` 时依次显示下一条。

        ``n`` 不是这样的序号（``"abc"``、``nan``、``-1``、``1.5``……）时不报错，说明该怎么写。
        """
        from .. import labels

        title = _title("hint")
        total = len(self.hints)
        if not total:
            body = labels.text("practice.no_hints")
            _publish("hint", self.name, f"【{title}】{self.name}：{body}", _box("hint", self.name, body))
            return
        if n is None:
            n = min(self._next_hint, total - 1) + 1
            self._next_hint = min(self._next_hint + 1, total - 1)
        index = _hint_index(n, total)
        if index is None:
            body = labels.text("practice.hint_argument", total=total, got=_safe_repr(n))
            _publish("hint", self.name, f"【{title}】{self.name}：{body}", _box("hint", self.name, body))
            return
        body = self.hints[index - 1]
        more = labels.text("practice.hint_progress" if index < total else "practice.hint_last", n=index, total=total)
        _publish("hint", self.name, f"【{title}】{self.name}{more}：{body}", _box("hint", self.name + more, body))

    def solution(self) -> None:
        """显示参考答案（课程题目：答案本里本题的答案区）。"""
        from .. import labels

        body = self._solution or self._linked_solution() or labels.text("practice.no_solution")
        _publish("solution", self.name, f"【{_title('solution')}】{self.name}：\n{body}",
                 _box("solution", self.name, body, pre=True))

    def _linked_solution(self) -> str:
        if self._source is None:
            return ""
        from ..errors import RuralfinError
        from .build import find_solution

        try:
            return find_solution(*self._source)
        except RuralfinError as exc:  # 只装了库、没有课程文件夹：说明答案在哪里
            return str(exc)

    def __repr__(self) -> str:
        from .. import labels

        return labels.text("practice.question_repr", kind=type(self).__name__, name=self.name)


def _hint_index(n: Any, total: int) -> int | None:
    """``hint(n)`` 的 ``n`` 是 1..total 的整数（也接受 2.0、numpy 整数）时返回它，否则 None。

    >>> [_hint_index(v, 3) for v in (1, 3.0, 0, 4, -1, 1.5, "abc", float("nan"), True)]
    [1, 3, None, None, None, None, None, None, None]
    """
    try:
        value = as_number(n)
    except Exception:  # 学员传进来的对象可能什么都不让做
        return None
    if value is None or not math.isfinite(value) or value != int(value) or not 1 <= value <= total:
        return None
    return int(value)


def as_number(answer: Any) -> float | None:
    """单个数值（含 numpy 标量、单元素数组）转成 float；不是一个数时返回 None。

    >>> as_number(3), as_number([1, 2]), as_number(True)
    (3.0, None, None)
    """
    try:
        import numpy as np

        if isinstance(answer, np.ndarray) and answer.size == 1:
            answer = answer.item()
    except ImportError:  # pragma: no cover
        pass
    if hasattr(answer, "item") and getattr(answer, "size", None) == 1:
        answer = answer.item()
    if isinstance(answer, bool) or not isinstance(answer, Real):
        return None
    return float(answer)


def _with_unit(value: float, unit: str) -> str:
    """数值连同单位：百分号、千分号紧跟数字（中文排版习惯 5.345%），其他单位前空一格。

    >>> _with_unit(5.345, "%"), _with_unit(2828, "户"), _with_unit(0.01, "")
    ('5.345%', '2,828 户', '0.01')
    """
    text = f"{value:,.6g}"
    if not unit:
        return text
    return f"{text}{unit}" if unit[0] in "%‰％" else f"{text} {unit}"


class NumberQuestion(Question):
    """答案是一个数。``rtol``/``atol`` 为允许的误差；``unit`` 为单位（写进反馈）；
    ``integer=True`` 时答案必须是整数（数出来的户数、笔数、人数），990.3 不算 990。

    反馈会识别常见的错误：填了文字、把百分数当小数、把元当万元、个数填了小数。

    Examples
    --------
    >>> q = NumberQuestion("第 1 题", lambda: 0.02 * 0.5, unit="", rtol=1e-6)
    >>> q.evaluate(0.01).outcome
    'correct'
    >>> print(q.evaluate(1).message)
    数值差了 100 倍：题目要的是小数（如 0.05），不是百分数（如 5）。
    >>> print(q.evaluate("0.01").message)
    请填一个数字，不要加引号或单位；你填的是文字 '0.01'。
    >>> q.evaluate(____).outcome
    'unanswered'
    >>> n = NumberQuestion("第 2 题", 990, atol=0.5, unit="户", integer=True)
    >>> print(n.evaluate(990.3).message)
    户数应为整数（数出来的个数没有小数），你填的是 990.3。
    >>> n.evaluate(990.0).outcome
    'correct'
    """

    def __init__(self, name: str, expected: Any, *, rtol: float = 1e-3, atol: float = 0.0, unit: str = "",
                 integer: bool = False, **kw):
        super().__init__(name, expected, **kw)
        self.rtol, self.atol, self.unit, self.integer = rtol, atol, unit, bool(integer)

    def judge(self, answer: Any) -> tuple[bool, str]:
        if isinstance(answer, str):
            return False, f"请填一个数字，不要加引号或单位；你填的是文字 {answer!r}。"
        value = as_number(answer)
        if value is None:
            kind = type(answer).__name__
            extra = "（像一整列或一张表）" if hasattr(answer, "shape") else ""
            return False, f"答案应当是一个数，你给的是 {kind}{extra}。请再算一步，得到单个数值。"
        if math.isnan(value):
            return False, "答案是 NaN（缺失值）：计算中可能混入了缺失数据，试试先去掉或填补缺失值。"
        if self.integer and not (math.isfinite(value) and value == int(value)):
            noun = f"{self.unit}数" if len(self.unit) == 1 and "\u4e00" <= self.unit <= "\u9fff" else "答案"
            return False, f"{noun}应为整数（数出来的个数没有小数），你填的是 {value:,.6g}。"
        exp = float(self.expected)
        if math.isclose(value, exp, rel_tol=self.rtol, abs_tol=self.atol):
            return True, f"答对了：{_with_unit(value, self.unit)}。"
        if exp != 0 and value != 0:
            ratio = value / exp
            if "%" in self.unit or "百分点" in self.unit:  # 答案本身以百分数计
                too_big = f"数值大了 100 倍：题目的单位已经是{self.unit}（如 5.2 表示 5.2%），不用再乘 100。"
                too_small = f"数值小了 100 倍：题目的单位是{self.unit}，请填 5.2 这样的百分数，而不是 0.052。"
            else:
                too_big = "数值差了 100 倍：题目要的是小数（如 0.05），不是百分数（如 5）。"
                too_small = "数值差了 100 倍：题目要的是百分数（如 5 表示 5%），不是小数。"
            for factor, msg in (
                (100, too_big),
                (0.01, too_small),
                (10000, f"数值差了 1 万倍：单位可能弄错了，题目的单位是{self.unit or '万元'}。"),
                (1e-4, f"数值差了 1 万倍：单位可能弄错了，题目的单位是{self.unit or '元'}。"),
                (-1, "正负号反了：检查一下是谁减谁。"),
            ):
                if math.isclose(ratio, factor, rel_tol=max(self.rtol, 1e-6)):
                    return False, msg
        direction = "偏大" if value > exp else "偏小"
        return False, f"还不对：你的结果 {value:,.6g} {direction}。检查一下用到的数据和公式，或运行 hint() 看提示。"


class ChoiceQuestion(Question):
    """单选题：``options`` 是 选项 -> 说明；答案是选项的键（大小写、空格不敏感）。

    Examples
    --------
    >>> q = ChoiceQuestion("第 2 题", "B", options={"A": "贷款利差", "B": "综合收益"})
    >>> q.evaluate("b").outcome
    'correct'
    >>> print(q.evaluate("C").message)
    没有选项 'C'；可选：A、B。
    >>> print(q.evaluate("A").message)
    不是 A（贷款利差）。再想想，或运行 hint() 看提示。
    """

    def __init__(self, name: str, expected: Any, *, options: Mapping[str, str], **kw):
        from .._validation import check_instance

        super().__init__(name, expected, **kw)
        self.options = dict(check_instance(options, Mapping, "options"))

    def _normalise(self, answer: Any) -> str | None:
        if not isinstance(answer, str):
            return None
        a = answer.strip()
        for key in self.options:
            if a.upper() == str(key).upper() or a == self.options[key]:
                return key
        return None

    def judge(self, answer: Any) -> tuple[bool, str]:
        keys = "、".join(map(str, self.options))
        if not isinstance(answer, str):
            return False, f"请用引号填写选项，例如 \"{next(iter(self.options))}\"；你填的是 {type(answer).__name__}。"
        key = self._normalise(answer)
        if key is None:
            return False, f"没有选项 {answer!r}；可选：{keys}。"
        if key == self._normalise(str(self.expected)):
            return True, f"答对了：{key}（{self.options[key]}）。"
        return False, f"不是 {key}（{self.options[key]}）。再想想，或运行 hint() 看提示。"


def as_items(answer: Any, *, item: str = "项", limit: int = MAX_ITEMS) -> list:
    """一组答案转成列表：列表、元组、集合、pandas 的 Series/Index、一维数组，或生成器。

    最多读 ``limit`` 项，没有尽头的生成器也不会卡住。一整张表（DataFrame，逐项读到的是列名）、
    字典、文字、单个数都不算一组答案：抛出 :class:`AnswerError`，消息说明该给什么。

    Examples
    --------
    >>> as_items(("b", "a"))
    ['b', 'a']
    >>> import pandas as pd
    >>> as_items(pd.DataFrame(columns=["age", "revenue"]), item="特征")
    Traceback (most recent call last):
    ...
    ruralfin.practice._core.AnswerError: 请给出一组特征（用方括号列出，如 ["a", "b"]），你给的是一整张表（DataFrame）：请取出要的那一列，如 表["列名"].tolist()。
    >>> as_items(itertools.count(), limit=3)
    Traceback (most recent call last):
    ...
    ruralfin.practice._core.AnswerError: 答案里的项超过 3 个，读到第 3 个就停下了（可能是一个没有尽头的生成器）：请给出一个有限的列表，如 ["a", "b"]。
    """
    import numpy as np
    import pandas as pd

    ask = f"请给出一组{item}（用方括号列出，如 [\"a\", \"b\"]）"
    if isinstance(answer, pd.DataFrame):
        raise AnswerError(f"{ask}，你给的是一整张表（DataFrame）：请取出要的那一列，如 表[\"列名\"].tolist()。")
    if isinstance(answer, Mapping):
        raise AnswerError(f"{ask}，你给的是字典（{type(answer).__name__}）：用 list(字典) 取键，或 list(字典.values()) 取值。")
    if isinstance(answer, np.ndarray) and answer.ndim != 1:
        raise AnswerError(f"{ask}，你给的是 {answer.ndim} 维数组：请给出一维的一组{item}。")
    if isinstance(answer, (str, bytes, bytearray)) or not isinstance(
            answer, (Sequence, Set, KeysView, ValuesView, Iterator, pd.Series, pd.Index, np.ndarray)):
        raise AnswerError(f"{ask}，你给的是 {type(answer).__name__}。")
    items = list(itertools.islice(iter(answer), limit + 1))
    if len(items) > limit:
        raise AnswerError(f"答案里的{item}超过 {limit} 个，读到第 {limit} 个就停下了（可能是一个没有尽头的生成器）："
                          "请给出一个有限的列表，如 [\"a\", \"b\"]。")
    return items


class SetQuestion(Question):
    """答案是一组不计顺序的项目（如一组客户编号、一组特征名）：列表、元组、集合、表格的一列
    （Series）或 Index；最多读 :data:`MAX_ITEMS` 项（见 :func:`as_items`）。

    Examples
    --------
    >>> q = SetQuestion("第 3 题", lambda: {"age", "revenue"}, item="特征")
    >>> q.evaluate(["revenue", "age"]).outcome
    'correct'
    >>> print(q.evaluate(["age"]).message)
    少了 1 个特征。
    >>> print(q.evaluate(["age", "revenue", "debt"]).message)
    多了 1 个不该选的特征。
    >>> import pandas as pd
    >>> q.evaluate(pd.DataFrame(columns=["age", "revenue"])).outcome  # 一整张表不算：它的列名不是答案
    'wrong'
    """

    def __init__(self, name: str, expected: Any, *, item: str = "项", **kw):
        super().__init__(name, expected, **kw)
        self.item = item

    def judge(self, answer: Any) -> tuple[bool, str]:
        items = as_items(answer, item=self.item)
        try:
            got = {a.item() if hasattr(a, "item") else a for a in items}
        except (TypeError, ValueError):
            return False, f"列表里的{self.item}应当是文字或数字。"
        exp = set(self.expected)
        missing, extra = exp - got, got - exp
        if not missing and not extra:
            return True, f"答对了：共 {len(exp)} 个{self.item}。"
        parts = []
        if missing:
            parts.append(f"少了 {len(missing)} 个{self.item}")
        if extra:
            parts.append(f"多了 {len(extra)} 个不该选的{self.item}")
        return False, "，".join(parts) + "。"


class CustomQuestion(Question):
    """用一个函数判分：``judge(answer, expected) -> (bool, 反馈)``。"""

    def __init__(self, name: str, expected: Any, *, judge: Callable[[Any, Any], tuple[bool, str]], **kw):
        super().__init__(name, expected, **kw)
        self._judge = judge

    def judge(self, answer: Any) -> tuple[bool, str]:
        return self._judge(answer, self.expected)


@lru_cache(maxsize=None)
def load(name: str):
    """读一张示范县的表（每个进程只读一次），供各课的判分函数共用。"""
    from ..datasets import load_dataset

    return load_dataset(name)


_KEY = re.compile(r"q\d+")


def link_solutions(namespace: Mapping[str, Any], notebook: str) -> None:
    """把一课的题目（名为 ``q1``、``q2``…… 的 :class:`Question`）连到答案本 ``solutions/<notebook>.ipynb``
    里同名的答案区（``### BEGIN SOLUTION q1``）。各课的题目模块在末尾调用
    ``link_solutions(globals(), "11_goals")``。

    Examples
    --------
    >>> q1 = NumberQuestion("第 1 题", 1.0)
    >>> link_solutions({"q1": q1}, "11_goals")
    >>> q1._source
    ('11_goals', 'q1')
    """
    for key, obj in namespace.items():
        if _KEY.fullmatch(key) and isinstance(obj, Question):
            obj._source = (notebook, key)
