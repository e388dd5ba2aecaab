"""ruralfin 自己的异常与警告类型。

所有公开函数在入口处检查输入，出错时抛出这里的异常，信息用中文写明
“哪一列/哪个参数出了什么问题、应当是什么”。它们同时继承 ``ValueError`` 或
``TypeError``，所以 ``except ValueError`` 之类的既有代码照样能接住。

:class:`NotFittedError` 还同时是 scikit-learn 的 ``NotFittedError``。为了让
``import ruralfin`` 不必导入 scikit-learn，这个类在第一次被取用时才创建（模块级
``__getattr__``，见 PEP 562）；``from ruralfin.errors import NotFittedError`` 照常可用，
之后每次取到的都是同一个类。

>>> from ruralfin.errors import NotFittedError, RuralfinError
>>> from sklearn.exceptions import NotFittedError as SklearnNotFittedError
>>> issubclass(NotFittedError, RuralfinError), issubclass(NotFittedError, SklearnNotFittedError)
(True, True)
"""

from __future__ import annotations

__all__ = [
    "RuralfinError",
    "RuralfinValueError",
    "RuralfinTypeError",
    "SchemaError",
    "NotFittedError",
    "RuralfinWarning",
]


class RuralfinError(Exception):
    """ruralfin 所有异常的基类。"""


class RuralfinValueError(RuralfinError, ValueError):
    """取值不对：列缺失、数值越界、名称未知、参数超出范围等。"""


class RuralfinTypeError(RuralfinError, TypeError):
    """类型不对：需要 DataFrame 却给了列表、需要数字却给了文字等。"""


class SchemaError(RuralfinValueError):
    """一张表与它应有的结构不符。``problems`` 列出发现的每一个问题。

    Examples
    --------
    >>> err = SchemaError("loans", ["缺少列 balance", "列 amount 有 3 个负数"])
    >>> print(err)
    表 loans 有 2 个问题：
      1. 缺少列 balance
      2. 列 amount 有 3 个负数
    >>> err.problems
    ['缺少列 balance', '列 amount 有 3 个负数']
    """

    def __init__(self, table: str, problems: list[str], *, source: str | None = None):
        self.table = table
        self.problems = list(problems)
        self.source = source
        where = f"（文件 {source}）" if source else ""
        lines = [f"表 {table}{where} 有 {len(self.problems)} 个问题："]
        lines += [f"  {i}. {p}" for i, p in enumerate(self.problems, 1)]
        super().__init__("\n".join(lines))


def _make_not_fitted_error() -> type:
    from sklearn.exceptions import NotFittedError as _SklearnNotFittedError

    class NotFittedError(RuralfinValueError, _SklearnNotFittedError):
        """模型还没有训练（没调用 ``fit``）就被拿来预测、转换或出报表。

        既是 :class:`RuralfinValueError`（``except RuralfinError`` 接得住），也是
        scikit-learn 的 ``NotFittedError``（因而也是 ``ValueError`` 和 ``AttributeError``），
        scikit-learn 的 ``check_is_fitted`` 与通用检查都认得它。例子见本模块说明。
        """

    NotFittedError.__module__ = __name__
    NotFittedError.__qualname__ = "NotFittedError"  # 让 pickle 按 ruralfin.errors.NotFittedError 找到它
    return NotFittedError


def __getattr__(name: str):
    if name == "NotFittedError":
        cls = globals()["NotFittedError"] = _make_not_fitted_error()
        return cls
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}（ruralfin.errors 没有 {name!r}）")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


class RuralfinWarning(UserWarning):
    """ruralfin 发出的提示性警告（如找不到中文字体）。"""
