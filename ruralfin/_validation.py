"""入口检查的小工具：供各模块在公开函数开头调用，统一中文报错。"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from numbers import Integral, Real
from typing import Any

import pandas as pd

from .errors import RuralfinTypeError, RuralfinValueError

__all__ = [
    "check_frame",
    "check_int",
    "check_number",
    "check_choice",
    "check_binary_target",
    "fmt_list",
]


def fmt_list(items: Iterable[Any], limit: int = 12) -> str:
    """把名称列表排成“a、b、c”，过长时截断。

    >>> fmt_list(["a", "b", "c"])
    'a、b、c'
    >>> fmt_list(range(20), limit=3)
    '0、1、2 等 20 项'
    """
    items = [str(i) for i in items]
    if len(items) > limit:
        return "、".join(items[:limit]) + f" 等 {len(items)} 项"
    return "、".join(items)


def check_frame(
    df: Any,
    required: Sequence[str] = (),
    *,
    name: str = "df",
    numeric: Sequence[str] = (),
    allow_empty: bool = False,
) -> pd.DataFrame:
    """确认 ``df`` 是 DataFrame、含有 ``required`` 各列、``numeric`` 各列为数值。

    出错时一次列出全部问题。返回原对象（不复制、不修改）。

    >>> import pandas as pd
    >>> check_frame(pd.DataFrame({"a": [1]}), ["a", "b", "c"], name="loans")
    Traceback (most recent call last):
    ...
    ruralfin.errors.RuralfinValueError: loans 缺少列：b、c（现有列：a）
    >>> check_frame([1, 2], name="loans")
    Traceback (most recent call last):
    ...
    ruralfin.errors.RuralfinTypeError: loans 应为 pandas DataFrame，实际是 list
    """
    if not isinstance(df, pd.DataFrame):
        raise RuralfinTypeError(f"{name} 应为 pandas DataFrame，实际是 {type(df).__name__}")
    missing = [c for c in required if c not in df.columns]
    if missing:
        raise RuralfinValueError(
            f"{name} 缺少列：{fmt_list(missing)}（现有列：{fmt_list(df.columns)}）"
        )
    bad = [
        c
        for c in numeric
        if c in df.columns
        and not (pd.api.types.is_numeric_dtype(df[c]) and not pd.api.types.is_bool_dtype(df[c]))
    ]
    if bad:
        kinds = "、".join(f"{c}（{df[c].dtype}）" for c in bad)
        raise RuralfinTypeError(f"{name} 中这些列应为数值：{kinds}")
    if not allow_empty and len(df) == 0:
        raise RuralfinValueError(f"{name} 是空表（0 行），无法计算")
    return df


def check_int(value: Any, name: str, *, min_value: int | None = None, max_value: int | None = None) -> int:
    """确认 ``value`` 是整数且在范围内，返回 ``int``。

    >>> check_int(5, "n_entities", min_value=1)
    5
    >>> check_int(0, "n_entities", min_value=1)
    Traceback (most recent call last):
    ...
    ruralfin.errors.RuralfinValueError: 参数 n_entities 应为不小于 1 的整数，实际是 0
    >>> check_int("10", "n_entities")
    Traceback (most recent call last):
    ...
    ruralfin.errors.RuralfinTypeError: 参数 n_entities 应为整数，实际是 str：'10'
    """
    if isinstance(value, bool) or not isinstance(value, Integral):
        raise RuralfinTypeError(f"参数 {name} 应为整数，实际是 {type(value).__name__}：{value!r}")
    value = int(value)
    _check_range(value, name, min_value, max_value, "整数")
    return value


def check_number(
    value: Any, name: str, *, min_value: float | None = None, max_value: float | None = None
) -> float:
    """确认 ``value`` 是有限实数且在 [min_value, max_value] 内，返回 ``float``。

    >>> check_number(0.05, "prob_default", min_value=0, max_value=1)
    0.05
    >>> check_number(1.5, "prob_default", min_value=0, max_value=1)
    Traceback (most recent call last):
    ...
    ruralfin.errors.RuralfinValueError: 参数 prob_default 应为 0 到 1 之间的数，实际是 1.5
    """
    if isinstance(value, bool) or not isinstance(value, Real):
        raise RuralfinTypeError(f"参数 {name} 应为数字，实际是 {type(value).__name__}：{value!r}")
    value = float(value)
    if value != value or value in (float("inf"), float("-inf")):
        raise RuralfinValueError(f"参数 {name} 应为有限的数，实际是 {value}")
    _check_range(value, name, min_value, max_value, "数")
    return value


def _check_range(value, name, lo, hi, noun):
    if lo is not None and hi is not None and not (lo <= value <= hi):
        raise RuralfinValueError(f"参数 {name} 应为 {lo:g} 到 {hi:g} 之间的{noun}，实际是 {value:g}")
    if lo is not None and value < lo:
        raise RuralfinValueError(f"参数 {name} 应为不小于 {lo:g} 的{noun}，实际是 {value:g}")
    if hi is not None and value > hi:
        raise RuralfinValueError(f"参数 {name} 应为不大于 {hi:g} 的{noun}，实际是 {value:g}")


def check_choice(value: Any, choices: Iterable[Any], name: str) -> Any:
    """确认 ``value`` 是允许的取值之一。

    >>> check_choice("auto", ["auto", "ascending", "descending"], "monotonic")
    'auto'
    >>> check_choice("up", ["auto", "ascending"], "monotonic")
    Traceback (most recent call last):
    ...
    ruralfin.errors.RuralfinValueError: 参数 monotonic 不认识取值 'up'，可选：auto、ascending
    """
    choices = list(choices)
    if value not in choices:
        raise RuralfinValueError(f"参数 {name} 不认识取值 {value!r}，可选：{fmt_list(choices, limit=30)}")
    return value


def check_binary_target(y: Any, n_rows: int, *, meaning: str = "1 = 坏", missing_hint: str = "") -> "np.ndarray":
    """确认标签 ``y`` 与样本行数一致、无缺失、只含 0/1 且两类都出现，返回 int64 数组。

    >>> check_binary_target([0, 1, 1], 3)
    array([0, 1, 1])
    >>> check_binary_target([0, 0], 2, meaning="1 = 30 天内回正")
    Traceback (most recent call last):
    ...
    ruralfin.errors.RuralfinValueError: y 应为 0/1 标签（1 = 30 天内回正），且两类都要出现
    >>> check_binary_target([0, 1], 3)
    Traceback (most recent call last):
    ...
    ruralfin.errors.RuralfinValueError: y 的长度 2 与 X 的行数 3 不一致
    """
    import numpy as np

    yv = pd.Series(y).to_numpy()
    if len(yv) != n_rows:
        raise RuralfinValueError(f"y 的长度 {len(yv)} 与 X 的行数 {n_rows} 不一致")
    if pd.isna(yv).any():
        raise RuralfinValueError("y 有缺失值；请先剔除标签缺失的行" + (f"（{missing_hint}）" if missing_hint else ""))
    try:
        yv = yv.astype("int64")
    except (TypeError, ValueError):
        raise RuralfinValueError(f"y 应为 0/1 标签（{meaning}），实际含有非数字的取值") from None
    if not np.isin(yv, (0, 1)).all() or len(np.unique(yv)) < 2:
        raise RuralfinValueError(f"y 应为 0/1 标签（{meaning}），且两类都要出现")
    return yv
