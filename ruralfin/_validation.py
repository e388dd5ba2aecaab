"""全库唯一的输入检查层：各模块在公开函数开头调用，统一中文报错。

什么都在这里检查一次，不在各模块里各写一份：表（:func:`check_frame`）、标量参数
（:func:`check_int`、:func:`check_number`、:func:`check_choice`、:func:`check_rate_pct`、:func:`check_bool`，
其他对象参数如 Axes、映射、路径、名字列表用 :func:`check_instance`）、
列（:func:`numeric_column`、:func:`bool_column`、:func:`month_index`、:func:`key_columns`、
:func:`same_key_type`、:func:`column_names`）、时点（:func:`as_of_timestamp`、:func:`as_of_index`）、
标签与分数（:func:`check_binary_target`、:func:`score_vector`）。

约定：``frame`` 是报错时对学员说的表名（如 ``"loans"``），``param`` 是参数名；
返回新数组或原对象，绝不修改输入。
"""

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
    "check_rate_pct",
    "check_binary_target",
    "score_vector",
    "numeric_column",
    "bool_column",
    "month_index",
    "month_end",
    "as_of_timestamp",
    "as_of_index",
    "key_columns",
    "same_key_type",
    "keys_found",
    "schema_columns",
    "check_bool",
    "column_name",
    "column_names",
    "value_or_column",
    "fmt_list",
    "mostly_numeric",
    "check_instance",
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
    _check_labels([*required, *numeric], name)
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


def _check_labels(columns: Sequence[Any], name: str) -> None:
    """要找的列名本身得是列名（字符串等可哈希的值）：指定列的参数误传了列表时在这里报错。"""
    from collections.abc import Hashable

    bad = [c for c in columns if not isinstance(c, Hashable)]
    if bad:
        raise RuralfinTypeError(f"{name} 的列名应为字符串，实际给了 {type(bad[0]).__name__}：{_short_repr(bad[0])}"
                                "（请检查指定列的参数）")


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


def check_binary_target(y: Any, n_rows: int | None = None, *, meaning: str = "1 = 坏", missing_hint: str = "",
                        name: str = "y", both_classes: bool = True) -> "np.ndarray":
    """确认 0/1 标签 ``y``：一维、与样本行数一致、无缺失、只含 0/1（或 True/False），返回 int64 数组。

    ``name`` 是报错时对标签的称呼（如 ``"y_true"``）；``n_rows`` 是 X 的行数（``None`` 时不比长度）；
    ``both_classes=True`` 时好、坏两类都要出现。

    >>> check_binary_target([0, 1, 1], 3)
    array([0, 1, 1])
    >>> check_binary_target([True, False], 2)
    array([1, 0])
    >>> check_binary_target([0, 0], 2, meaning="1 = 30 天内回正")
    Traceback (most recent call last):
    ...
    ruralfin.errors.RuralfinValueError: y 应为 0/1 标签（1 = 30 天内回正），且两类都要出现
    >>> check_binary_target([0, 1], 3)
    Traceback (most recent call last):
    ...
    ruralfin.errors.RuralfinValueError: y 的长度 2 与 X 的行数 3 不一致
    >>> check_binary_target([0, 0.5, 1], None, name="y_true", meaning="1 = 坏/违约")
    Traceback (most recent call last):
    ...
    ruralfin.errors.RuralfinValueError: y_true 只能含 0 和 1（1 = 坏/违约），发现其他取值：0.5；多类别标签请先合并成两类
    """
    import numpy as np

    if y is None:
        raise RuralfinValueError(f"缺少标签 {name}（0/1，{meaning}）")
    if isinstance(y, pd.DataFrame) and y.shape[1] == 1:
        y = y.iloc[:, 0]
    if isinstance(y, (str, bytes, dict)):
        raise RuralfinValueError(f"{name} 应为一列 0/1 标签（{meaning}），实际是 {type(y).__name__}")
    if isinstance(y, pd.Series):
        s = y
    else:
        arr = np.asarray(y)  # 先转数组：类数组对象不一定支持 np.ndim
        if arr.ndim != 1:
            raise RuralfinValueError(f"{name} 应为一列 0/1 标签（{meaning}），实际形状是 {arr.shape}")
        s = pd.Series(arr)
    if n_rows is not None and len(s) != n_rows:
        raise RuralfinValueError(f"{name} 的长度 {len(s)} 与 X 的行数 {n_rows} 不一致")
    if len(s) == 0:
        raise RuralfinValueError(f"{name} 是空的（0 行）")
    n_missing = int(s.isna().sum())
    if n_missing:
        raise RuralfinValueError(f"{name} 有 {n_missing} 个缺失值；请先剔除标签缺失的行"
                                 + (f"（{missing_hint}）" if missing_hint else ""))
    if s.dtype == object:
        s = s.infer_objects()
    if pd.api.types.is_bool_dtype(s.dtype):
        return s.to_numpy(dtype="int64")
    if not pd.api.types.is_numeric_dtype(s.dtype):
        raise RuralfinTypeError(f"{name} 应为 0/1 标签（{meaning}），实际含有非数字的取值，如 "
                                f"{fmt_list(pd.unique(s)[:5])}")
    v = s.to_numpy(dtype="float64")
    other = np.unique(v[(v != 0) & (v != 1)])
    if other.size:
        raise RuralfinValueError(f"{name} 只能含 0 和 1（{meaning}），发现其他取值：{fmt_list(f'{x:g}' for x in other[:10])}"
                                 "；多类别标签请先合并成两类")
    if both_classes and len(np.unique(v)) < 2:
        raise RuralfinValueError(f"{name} 应为 0/1 标签（{meaning}），且两类都要出现")
    return v.astype("int64")


# ---------------------------------------------------------------- 利率：年化百分数
#: 本库的利率一律是年化百分数（4.35 表示 4.35%）。绝对值都小于这个数的“利率”几乎一定是误传的小数。
PERCENT_RATE_FLOOR = 0.1


def check_rate_pct(value: Any, name: str, *, min_value: float = -5.0, max_value: float = 36.0,
                   warn_fraction: bool = True) -> "float | np.ndarray":
    """确认利率参数是年化百分数（标量或数组）；像小数（如 0.0435）时用中文警告一次。

    全库只有这一个“百分数还是小数”的判断：非零且绝对值都小于 :data:`PERCENT_RATE_FLOOR`
    （0.1，即 0.1%）的利率视为误传的小数。上限默认 36（民间借贷司法保护上限附近），下限 -5。

    >>> check_rate_pct(4.35, "contract_rate")
    4.35
    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as w:
    ...     warnings.simplefilter("always")
    ...     _ = check_rate_pct(0.0435, "contract_rate")
    >>> "年化百分数" in str(w[0].message)
    True
    >>> check_rate_pct(float("nan"), "contract_rate")
    Traceback (most recent call last):
    ...
    ruralfin.errors.RuralfinValueError: 参数 contract_rate 应为有限的数（年化百分数，4.35 表示 4.35%），实际是 nan
    """
    import warnings

    import numpy as np

    from .errors import RuralfinWarning

    scalar = np.ndim(value) == 0
    if scalar and (isinstance(value, bool) or not isinstance(value, Real)):
        raise RuralfinTypeError(f"参数 {name} 应为数字（年化百分数，4.35 表示 4.35%），实际是 {type(value).__name__}：{value!r}")
    try:
        arr = np.asarray(value, dtype="float64")
    except (TypeError, ValueError):
        raise RuralfinTypeError(f"参数 {name} 应为数字（年化百分数），实际含有非数字的值") from None
    if not np.isfinite(arr).all():
        bad = arr[~np.isfinite(arr)].ravel()[0]
        raise RuralfinValueError(f"参数 {name} 应为有限的数（年化百分数，4.35 表示 4.35%），实际是 {bad}")
    out_of_range = (arr < min_value) | (arr > max_value)
    if out_of_range.any():
        bad = arr[out_of_range].ravel()[0]
        raise RuralfinValueError(f"参数 {name} 应为 {min_value:g} 到 {max_value:g} 之间的年化百分数，实际是 {bad:g}")
    nz = np.abs(arr[arr != 0])
    if warn_fraction and nz.size and nz.max() < PERCENT_RATE_FLOOR:
        warnings.warn(f"参数 {name} 的值最大只有 {nz.max():g}，看起来是小数；本库的利率用年化百分数"
                      f"（4.35 表示 4.35%），请确认是否应乘以 100", RuralfinWarning, stacklevel=3)
    return float(arr) if scalar else arr


# ---------------------------------------------------------------- 列
def _need_column(df: pd.DataFrame, column: Any, param: str, frame: str) -> str:
    if not isinstance(column, str):
        raise RuralfinTypeError(f"参数 {param} 应为列名（字符串），实际是 {type(column).__name__}：{column!r}")
    if column not in df.columns:
        raise RuralfinValueError(f"{frame} 缺少列 {column}（参数 {param}；现有列：{fmt_list(df.columns)}）")
    return column


def column_names(df: pd.DataFrame, columns: Any, *, param: str = "by", frame: str = "df",
                 allow_none: bool = True) -> list[str]:
    """列名或列名列表 -> 列表，并确认都在 ``df`` 里（``None`` -> 空列表）。

    >>> column_names(pd.DataFrame({"a": [1], "b": [2]}), "a")
    ['a']
    >>> column_names(pd.DataFrame({"a": [1]}), ["a", "z"], frame="loans")
    Traceback (most recent call last):
    ...
    ruralfin.errors.RuralfinValueError: loans 缺少列 z（参数 by；现有列：a）
    """
    if columns is None and allow_none:
        return []
    cols = [columns] if isinstance(columns, str) else list(columns) if isinstance(columns, (list, tuple)) else None
    if not cols or not all(isinstance(c, str) for c in cols):
        raise RuralfinTypeError(f"参数 {param} 应为列名或列名列表，实际是 {columns!r}")
    for c in cols:
        _need_column(df, c, param, frame)
    return cols


def numeric_column(df: pd.DataFrame, column: Any, *, param: str | None = None, frame: str = "df",
                   allow_nan: bool = False, min_value: float | None = None, max_value: float | None = None,
                   hint: str = "", allow_inf: bool = False) -> "np.ndarray":
    """取 ``df[column]`` 为 float64 数组：必须是数值列；默认不许缺失、不许无穷大；可限定范围。

    ``allow_inf=True`` 用于无穷大本身有含义的列（如收入为 0 时的偿债比 ``inf``）。

    >>> numeric_column(pd.DataFrame({"balance": [1.0, 2.5]}), "balance", min_value=0)
    array([1. , 2.5])
    >>> numeric_column(pd.DataFrame({"balance": [1.0, -2.0]}), "balance", frame="loans", min_value=0)
    Traceback (most recent call last):
    ...
    ruralfin.errors.RuralfinValueError: loans 的列 balance 有 1 个值小于 0（如 -2），应不小于 0
    >>> numeric_column(pd.DataFrame({"balance": [1.0, float("inf")]}), "balance", frame="loans")
    Traceback (most recent call last):
    ...
    ruralfin.errors.RuralfinValueError: loans 的列 balance 有 1 个无穷大的值，请检查数据
    """
    import numpy as np

    col = _need_column(df, column, param or str(column), frame)
    s = df[col]
    if pd.api.types.is_bool_dtype(s.dtype) or not pd.api.types.is_numeric_dtype(s.dtype):
        raise RuralfinTypeError(f"{frame} 的列 {col} 应为数值，实际类型是 {s.dtype}{hint}")
    v = s.to_numpy(dtype="float64", na_value=np.nan)
    nan = np.isnan(v)
    if nan.any() and not allow_nan:
        raise RuralfinValueError(f"{frame} 的列 {col} 有 {int(nan.sum())} 个缺失值，请先补齐或剔除这些行{hint}")
    inf = np.isinf(v)
    if inf.any() and not allow_inf:
        raise RuralfinValueError(f"{frame} 的列 {col} 有 {int(inf.sum())} 个无穷大的值，请检查数据")
    for bound, bad, word in ((min_value, v < (min_value if min_value is not None else 0), "小于"),
                             (max_value, v > (max_value if max_value is not None else 0), "大于")):
        if bound is not None and bad.any():
            raise RuralfinValueError(f"{frame} 的列 {col} 有 {int(bad.sum())} 个值{word} {bound:g}"
                                     f"（如 {v[bad][0]:g}），应不{word} {bound:g}{hint}")
    return v


def bool_column(df: pd.DataFrame, column: Any, *, param: str | None = None, frame: str = "df",
                missing: bool | None = False) -> "np.ndarray":
    """取是/否列为 bool 数组：接受 bool、可空 boolean、0/1；``missing`` 是缺失值当作的取值（``None`` 表示不许缺失）。

    >>> bool_column(pd.DataFrame({"x": [1, 0]}), "x")
    array([ True, False])
    >>> bool_column(pd.DataFrame({"x": ["是", "否"]}), "x", frame="entities")
    Traceback (most recent call last):
    ...
    ruralfin.errors.RuralfinTypeError: entities 的列 x 应为是/否（True/False 或 0/1），实际类型是 ...
    """
    import numpy as np

    col = _need_column(df, column, param or str(column), frame)
    s = df[col]
    if s.isna().any():
        if missing is None:
            raise RuralfinValueError(f"{frame} 的列 {col} 有 {int(s.isna().sum())} 个缺失值，应为是/否")
    if pd.api.types.is_bool_dtype(s.dtype):
        return s.fillna(bool(missing)).to_numpy(dtype=bool)
    if pd.api.types.is_numeric_dtype(s.dtype):
        v = s.to_numpy(dtype="float64", na_value=np.nan)
        v = np.where(np.isnan(v), float(bool(missing)), v)
        if not np.isin(v, (0.0, 1.0)).all():
            raise RuralfinValueError(f"{frame} 的列 {col} 应为是/否（True/False 或 0/1），发现其他取值")
        return v == 1.0
    raise RuralfinTypeError(f"{frame} 的列 {col} 应为是/否（True/False 或 0/1），实际类型是 {s.dtype}")


def _months(ts: "pd.Series | pd.DatetimeIndex") -> "np.ndarray":
    return (ts.year * 12 + ts.month - 1).to_numpy(dtype="int64") if hasattr(ts, "year") else (
        (ts.dt.year * 12 + ts.dt.month - 1).to_numpy(dtype="int64"))


def month_index(df: pd.DataFrame, column: Any, *, param: str | None = None, frame: str = "df") -> "np.ndarray":
    """月份列 -> 连续整数月序（年 × 12 + 月 − 1），便于判断“下一个月”。

    接受日期、月度 Period、整数月序和 ``"2024-06"`` 这样的文字；不许缺失。

    >>> month_index(pd.DataFrame({"month": pd.to_datetime(["2024-01-31", "2024-02-29"])}), "month")
    array([24288, 24289])
    >>> month_index(pd.DataFrame({"month": ["2024-01", "一月"]}), "month", frame="loan_monthly")
    Traceback (most recent call last):
    ...
    ruralfin.errors.RuralfinValueError: loan_monthly 的列 month 应为月份（日期、'2024-06' 这样的文字或月度 Period），无法识别：'一月'
    """
    col = _need_column(df, column, param or str(column), frame)
    s = df[col]
    if isinstance(s.dtype, pd.PeriodDtype):
        ts = s.dt.to_timestamp()
    elif pd.api.types.is_datetime64_any_dtype(s.dtype):
        ts = s
    elif pd.api.types.is_integer_dtype(s.dtype) and not s.isna().any():
        return s.to_numpy(dtype="int64")
    else:
        ts = pd.to_datetime(s.astype("str").where(s.notna()), errors="coerce", format="mixed")
        bad = s.notna() & ts.isna()
        if bad.any():
            raise RuralfinValueError(
                f"{frame} 的列 {col} 应为月份（日期、'2024-06' 这样的文字或月度 Period），无法识别："
                f"{fmt_list(repr(v) for v in s[bad].head(3))}"
            )
    if ts.isna().any():
        raise RuralfinValueError(f"{frame} 的列 {col} 有 {int(ts.isna().sum())} 个缺失的月份")
    return _months(ts)


def month_end(index: int) -> pd.Timestamp:
    """整数月序 -> 月末日期。

    >>> month_end(24288)
    Timestamp('2024-01-31 00:00:00')
    """
    return pd.Period(year=index // 12, month=index % 12 + 1, freq="M").to_timestamp(how="end").normalize()


def as_of_timestamp(value: Any, *, param: str = "as_of") -> pd.Timestamp:
    """观察时点 -> 当天 0 点的 Timestamp；接受 ``"2024-06-30"``、``"2024-06"``、日期、Period。

    ``"2024-06"`` 这样只到月份的写法取该月月末。

    >>> as_of_timestamp("2024-06")
    Timestamp('2024-06-30 00:00:00')
    >>> as_of_timestamp("昨天")
    Traceback (most recent call last):
    ...
    ruralfin.errors.RuralfinValueError: 参数 as_of 无法识别为日期：'昨天'（示例：'2025-12-31' 或 '2025-12'）
    """
    import datetime as _dt
    import re

    import numpy as np

    if isinstance(value, pd.Period):
        return value.to_timestamp(how="end").normalize()
    if isinstance(value, bool) or not isinstance(value, (str, pd.Timestamp, np.datetime64, _dt.date)):
        raise RuralfinTypeError(f"参数 {param} 应为日期或月份（如 '2025-12-31'），实际是 {type(value).__name__}：{value!r}")
    try:
        ts = pd.Timestamp(value)
    except (ValueError, TypeError):
        raise RuralfinValueError(f"参数 {param} 无法识别为日期：{value!r}（示例：'2025-12-31' 或 '2025-12'）") from None
    if pd.isna(ts):
        raise RuralfinValueError(f"参数 {param} 不能是缺失值")
    if isinstance(value, str) and re.fullmatch(r"\s*\d{4}-\d{1,2}\s*", value):
        ts = ts + pd.offsets.MonthEnd(0)
    return ts.normalize()


def as_of_index(value: Any, *, param: str = "as_of") -> int:
    """观察时点 -> 整数月序（与 :func:`month_index` 同一刻度）。

    >>> as_of_index("2024-01-15")
    24288
    """
    ts = as_of_timestamp(value, param=param)
    return ts.year * 12 + ts.month - 1


#: 表示“没有值”的常见文字（银行导出里常见）：编号列里出现这些写法按缺失处理（比较时去掉首尾空白、不分大小写）
MISSING_TOKENS = frozenset({"", "暂无", "无", "空", "不详", "未知", "-", "--", "—", "/", "n/a", "na", "nan", "none",
                            "null", "nat", "#n/a"})


def key_columns(df: pd.DataFrame, keys: Any, *, param: str = "key", frame: str = "df",
                unique: bool = False) -> list[str]:
    """主键列：都在表里、没有缺失；``unique=True`` 时组合不许重复。整数或文本编号都可以。

    数值编号须是不小于 0 的整数（不许无穷大、负数、小数）；文本编号不许是空白或
    :data:`MISSING_TOKENS` 里“暂无”“N/A”这类表示缺失的写法。

    >>> key_columns(pd.DataFrame({"loan_id": ["JJ01", "JJ02"]}), "loan_id", unique=True)
    ['loan_id']
    >>> key_columns(pd.DataFrame({"loan_id": [1, 1]}), "loan_id", frame="loans", unique=True)
    Traceback (most recent call last):
    ...
    ruralfin.errors.RuralfinValueError: loans 的主键 loan_id 有 2 行重复（如 1）
    >>> key_columns(pd.DataFrame({"entity_id": [7.0, float("inf")]}), "entity_id", frame="flows")
    Traceback (most recent call last):
    ...
    ruralfin.errors.RuralfinValueError: flows 的列 entity_id 是编号，应为不小于 0 的整数，有 1 个不是（如 inf）
    >>> key_columns(pd.DataFrame({"entity_id": ["7", "暂无"]}), "entity_id", frame="flows")
    Traceback (most recent call last):
    ...
    ruralfin.errors.RuralfinValueError: flows 的列 entity_id 是编号，不能为空，有 1 个值是表示缺失的文字（如 '暂无'）
    """
    import numpy as np

    cols = column_names(df, keys, param=param, frame=frame, allow_none=False)
    for c in cols:
        s = df[c]
        n = int(s.isna().sum())
        if n:
            raise RuralfinValueError(f"{frame} 的列 {c} 是编号，不能为空，有 {n} 个空值")
        if pd.api.types.is_bool_dtype(s.dtype) or pd.api.types.is_datetime64_any_dtype(s.dtype):
            continue
        if pd.api.types.is_numeric_dtype(s.dtype):
            v = s.to_numpy(dtype="float64")
            with np.errstate(invalid="ignore"):
                bad = ~np.isfinite(v) | (v < 0) | (v != np.floor(v))
            if bad.any():
                raise RuralfinValueError(f"{frame} 的列 {c} 是编号，应为不小于 0 的整数，有 {int(bad.sum())} 个不是"
                                         f"（如 {v[bad][0]:g}）")
        else:
            blank = s.astype("str").str.strip().str.lower().isin(MISSING_TOKENS).to_numpy()
            if blank.any():
                raise RuralfinValueError(f"{frame} 的列 {c} 是编号，不能为空，有 {int(blank.sum())} 个值是表示缺失的文字"
                                         f"（如 {s[blank].iloc[0]!r}）")
    if unique:
        dup = df.duplicated(subset=cols, keep=False)
        if dup.any():
            first = df.loc[dup, cols].iloc[0]
            example = "、".join(str(v) for v in first)
            raise RuralfinValueError(f"{frame} 的主键 {'+'.join(cols)} 有 {int(dup.sum())} 行重复（如 {example}）")
    return cols


def _key_kind(s: pd.Series) -> str | None:
    if len(s) == 0:
        return None  # 空表拼不出错，类型无所谓
    dtype = s.dtype.categories.dtype if isinstance(s.dtype, pd.CategoricalDtype) else s.dtype
    if pd.api.types.is_bool_dtype(dtype):
        return "是/否"
    if pd.api.types.is_numeric_dtype(dtype):
        return "数值"
    if pd.api.types.is_datetime64_any_dtype(dtype):
        return "日期"
    if dtype == object:
        inferred = pd.api.types.infer_dtype(s, skipna=True)
        if inferred in ("integer", "floating", "mixed-integer-float", "decimal"):
            return "数值"
        if inferred == "string":
            return "文本"
        return "数值和文本混合"
    return "文本"


def same_key_type(*columns: tuple[str, pd.DataFrame, str]) -> None:
    """按编号（或月份）拼接几张表之前：确认这些列同为数值、同为文本或同为日期（整数 7 和文字 "7" 拼不上）。

    每项是 ``(表名, 表, 列名)``；列须已在表里（先用 :func:`key_columns` 检查）。空表不参与比较。

    >>> flows = pd.DataFrame({"entity_id": [7]})
    >>> same_key_type(("flows", flows, "entity_id"), ("loan_monthly", pd.DataFrame({"entity_id": [8]}), "entity_id"))
    >>> same_key_type(("flows", flows, "entity_id"), ("loan_monthly", pd.DataFrame({"entity_id": ["7"]}), "entity_id"))
    Traceback (most recent call last):
    ...
    ruralfin.errors.RuralfinTypeError: 拼接用的列类型不一致：flows 的列 entity_id 是数值，loan_monthly 的列 entity_id 是文本；拼接前请先统一（如都转成整数或都用 .astype(str)）
    """
    kinds = [(frame, col, _key_kind(df[col])) for frame, df, col in columns]
    kinds = [k for k in kinds if k[2] is not None]
    if len({k for _, _, k in kinds}) > 1:
        desc = "，".join(f"{frame} 的列 {col} 是{kind}" for frame, col, kind in kinds)
        raise RuralfinTypeError(f"拼接用的列类型不一致：{desc}；拼接前请先统一（如都转成整数或都用 .astype(str)）")


def score_vector(values: Any, n_rows: int | None = None, *, name: str = "score") -> "np.ndarray":
    """分数或概率向量 -> 一维 float64 数组：不许缺失、无穷大，长度可校验。

    >>> score_vector([0.1, 0.9], 2)
    array([0.1, 0.9])
    >>> score_vector([0.1, None], name="y_score")
    Traceback (most recent call last):
    ...
    ruralfin.errors.RuralfinValueError: y_score 有 1 个缺失或无穷大的值
    """
    import numpy as np

    if isinstance(values, pd.DataFrame):
        if values.shape[1] != 1:
            raise RuralfinValueError(f"{name} 应为一列数，实际是 {values.shape[1]} 列的表")
        values = values.iloc[:, 0]
    try:
        arr = pd.Series(values).to_numpy(dtype="float64", na_value=np.nan) if not isinstance(values, np.ndarray) \
            else values.astype("float64")
    except (TypeError, ValueError):
        raise RuralfinTypeError(f"{name} 应为一组数字，实际含有非数字的值") from None
    arr = np.ravel(arr)
    if n_rows is not None and len(arr) != n_rows:
        raise RuralfinValueError(f"{name} 的长度 {len(arr)} 与样本行数 {n_rows} 不一致")
    bad = ~np.isfinite(arr)
    if bad.any():
        raise RuralfinValueError(f"{name} 有 {int(bad.sum())} 个缺失或无穷大的值")
    return arr


def column_name(df: pd.DataFrame, column: Any, *, param: str, frame: str = "df") -> str:
    """一个“用哪一列”的参数：必须是字符串、且是 ``df`` 的列；返回列名。

    >>> column_name(pd.DataFrame({"main_bank": ["ours"]}), "main_bank", param="main_bank")
    'main_bank'
    >>> column_name(pd.DataFrame({"main_bank": ["ours"]}), ["main_bank"], param="main_bank", frame="entities")
    Traceback (most recent call last):
    ...
    ruralfin.errors.RuralfinTypeError: 参数 main_bank 应为列名（字符串），实际是 list：['main_bank']
    >>> column_name(pd.DataFrame({"main_bank": ["ours"]}), "bank", param="main_bank", frame="entities")
    Traceback (most recent call last):
    ...
    ruralfin.errors.RuralfinValueError: entities 缺少列 bank（参数 main_bank；现有列：main_bank）
    """
    return _need_column(df, column, param, frame)


#: :func:`value_or_column` 的取值种类 -> 报错时说明应填什么
_VALUE_KINDS = {
    "number": "数",
    "fraction": "小数（0.5 表示 50%）",
    "rate_pct": "年化百分数（2.0 表示 2.0%）",
}


def value_or_column(df: pd.DataFrame | None, value: Any, param: str, *, frame: str = "df", kind: str = "number",
                    min_value: float | None = None, max_value: float | None = None,
                    warn_fraction: bool = True) -> "float | np.ndarray":
    """一个“数字或列名”参数：一个数（每行相同）或 ``df`` 的一个数值列（每行不同）-> float 或 float64 数组。

    ``df`` 为 ``None`` 时只接受数字，返回 float；给了 ``df`` 时一律返回与 ``df`` 等长的数组。
    ``kind`` 说明单位：``"number"``（普通的数，如金额）、``"fraction"``（0–1 的小数，如违约概率；
    超出范围且像百分数时提示改用小数）、``"rate_pct"``（年化百分数，交给 :func:`check_rate_pct`，
    像小数时警告；``warn_fraction=False`` 不警告）。列不许缺失和无穷大。

    >>> value_or_column(None, 0.02, "prob_default", kind="fraction", min_value=0, max_value=1)
    0.02
    >>> value_or_column(pd.DataFrame({"pd_est": [0.01, 0.04]}), "pd_est", "prob_default", kind="fraction")
    array([0.01, 0.04])
    >>> value_or_column(pd.DataFrame({"x": [1, 2]}), 2.0, "ftp_rate", kind="rate_pct")
    array([2., 2.])
    >>> value_or_column(None, 2, "prob_default", kind="fraction", min_value=0, max_value=1)
    Traceback (most recent call last):
    ...
    ruralfin.errors.RuralfinValueError: 参数 prob_default 应为 0 到 1 之间的小数（0.5 表示 50%），实际是 2；看起来像百分数，请改用小数
    >>> value_or_column(None, "pd_est", "prob_default")
    Traceback (most recent call last):
    ...
    ruralfin.errors.RuralfinTypeError: 参数 prob_default='pd_est' 是列名，但没有给出数据表；不传表时 prob_default 应为数
    """
    import numpy as np

    check_choice(kind, _VALUE_KINDS, "kind")
    noun = _VALUE_KINDS[kind]
    if isinstance(value, str):
        if df is None:
            raise RuralfinTypeError(f"参数 {param}={value!r} 是列名，但没有给出数据表；不传表时 {param} 应为{noun}")
        arr = numeric_column(df, value, param=param, frame=frame)
        where = f"{frame} 的列 {value}（参数 {param}）"
    else:
        if isinstance(value, bool) or not isinstance(value, Real):
            raise RuralfinTypeError(f"参数 {param} 应为{noun}" + ("" if df is None else f"或 {frame} 的列名")
                                    + f"，实际是 {type(value).__name__}：{value!r}")
        v = float(value)
        if not np.isfinite(v):
            raise RuralfinValueError(f"参数 {param} 应为有限的{noun}，实际是 {v}")
        arr = np.asarray(v)
        where = f"参数 {param}"
    if kind == "rate_pct":
        lo = -np.inf if min_value is None else min_value
        hi = np.inf if max_value is None else max_value
        name = param if arr.ndim == 0 else f"{param}（{frame} 的列 {value}）"
        arr = np.asarray(check_rate_pct(float(arr) if arr.ndim == 0 else arr, name, min_value=lo, max_value=hi,
                                        warn_fraction=warn_fraction))
    else:
        bad = np.zeros(arr.shape, dtype=bool)
        if min_value is not None:
            bad |= arr < min_value
        if max_value is not None:
            bad |= arr > max_value
        if bad.any():
            worst = arr[bad].ravel()
            hint = ("；看起来像百分数，请改用小数" if kind == "fraction" and ((worst > 1) & (worst <= 100)).all() else "")
            span = (f" {min_value:g} 到 {max_value:g} 之间的" if min_value is not None and max_value is not None
                    else f"不小于 {min_value:g} 的" if min_value is not None else f"不大于 {max_value:g} 的")
            if arr.ndim == 0:
                raise RuralfinValueError(f"参数 {param} 应为{span}{noun}，实际是 {worst[0]:g}{hint}")
            raise RuralfinValueError(f"{where}有 {int(bad.sum())} 个值超出范围（如 {worst[0]:g}），"
                                     f"应为{span}{noun}{hint}")
    if arr.ndim == 0:
        return float(arr) if df is None else np.full(len(df), float(arr))
    return arr


def check_bool(value: Any, name: str) -> bool:
    """确认开关参数是 ``True`` 或 ``False``（也接受 numpy 的布尔值），返回 ``bool``。

    ``"yes"``、``None``、``1`` 都不算：写错的开关不会被悄悄当成真或假。

    >>> check_bool(False, "ascending")
    False
    >>> check_bool("yes", "ascending")
    Traceback (most recent call last):
    ...
    ruralfin.errors.RuralfinTypeError: 参数 ascending 应为 True 或 False，实际是 str：'yes'
    """
    import numpy as np

    if not isinstance(value, (bool, np.bool_)):
        raise RuralfinTypeError(f"参数 {name} 应为 True 或 False，实际是 {type(value).__name__}：{value!r}")
    return bool(value)


def keys_found(left: pd.DataFrame, right: pd.DataFrame, keys: Any, *, left_frame: str = "left",
               right_frame: str = "right") -> list[str]:
    """按 ``keys`` 把 ``right`` 的列带到 ``left`` 上之前：``left`` 的每个键都要在 ``right`` 里找得到。

    找不到的行左连接后全是缺失值，会悄悄算错（如贷款没有合同利率）。先用 :func:`key_columns`
    与 :func:`same_key_type` 检查两边的键；返回键列列表。

    >>> loans = pd.DataFrame({"loan_id": [1, 2]})
    >>> keys_found(pd.DataFrame({"loan_id": [1, 1, 2]}), loans, "loan_id")
    ['loan_id']
    >>> keys_found(pd.DataFrame({"loan_id": [1, 3]}), loans, "loan_id", left_frame="loan_monthly", right_frame="loans")
    Traceback (most recent call last):
    ...
    ruralfin.errors.RuralfinValueError: loan_monthly 有 1 行的 loan_id 在 loans 里找不到（如 3）
    """
    cols = column_names(left, keys, param="keys", frame=left_frame, allow_none=False)
    column_names(right, cols, param="keys", frame=right_frame, allow_none=False)
    if len(left):
        if len(cols) == 1:
            miss = ~left[cols[0]].isin(right[cols[0]]).to_numpy()
        else:
            miss = ~pd.MultiIndex.from_frame(left[cols]).isin(pd.MultiIndex.from_frame(right[cols]))
        if miss.any():
            example = "、".join(str(v) for v in left.loc[miss, cols].iloc[0])
            raise RuralfinValueError(f"{left_frame} 有 {int(miss.sum())} 行的 {'+'.join(cols)} 在 {right_frame} "
                                     f"里找不到（如 {example}）")
    return cols


def schema_columns(df: pd.DataFrame, table: str, columns: Iterable[str] | None = None, *,
                   frame: str | None = None) -> list[str]:
    """按示范县的表结构（:mod:`ruralfin.schema`）检查 ``df`` 里的数值列，返回检查过的列名。

    每列：必须是数值、不许无穷大、结构里不可空的列不许缺失、取值在登记的范围内（如余额不小于 0、
    合同利率在 0 到 36 之间）。``columns`` 给出时这些列必须在 ``df`` 里；不给时检查 ``df`` 中所有
    登记过的数值列。编号列（``*_id``）和结构里没有的列不在这里查（编号用 :func:`key_columns`）。

    >>> schema_columns(pd.DataFrame({"loan_id": [1], "contract_rate": [4.35]}), "loans")
    ['contract_rate']
    >>> schema_columns(pd.DataFrame({"balance": [1.0, -2.0]}), "loan_monthly", ["balance"])
    Traceback (most recent call last):
    ...
    ruralfin.errors.RuralfinValueError: loan_monthly 的列 balance 有 1 个值小于 0（如 -2），应不小于 0
    """
    from .schema import get_table

    spec = get_table(table)
    frame = table if frame is None else frame
    if columns is None:
        names = [c for c in spec.column_names if c in df.columns]
    else:
        names = list(columns)
        for c in names:
            _need_column(df, c, c, frame)
    checked = []
    for name in names:
        if name.endswith("_id") or name not in spec.column_names:
            continue
        col = spec.column(name)
        if not col.dtype.startswith(("int", "float")):
            continue
        numeric_column(df, name, frame=frame, allow_nan=col.nullable, min_value=col.min, max_value=col.max)
        checked.append(name)
    return checked


#: :func:`mostly_numeric` 的默认门槛：文字列里至少这么大比例的值能读成数字，才当作数值列
MOSTLY_NUMERIC_SHARE = 0.95


def mostly_numeric(s: pd.Series, *, min_share: float = MOSTLY_NUMERIC_SHARE,
                   require_number: bool = True) -> "tuple[np.ndarray, np.ndarray] | None":
    """混着“暂无”“N/A”“-”这类文字的数值列（银行导出里常见）-> ``(float64 数组, 文字掩码)``；不是数值列时返回 ``None``。

    - 数值列（不含是/否）：原样取值，掩码全为 False。
    - 文字列（object、str）：去掉首尾空白后，看“既不是缺失、也不是 :data:`MISSING_TOKENS` 里的写法”的值中
      能读成数字的比例；不低于 ``min_share``（默认 95%）就算数值列，读不成数字的值（表示缺失的文字和
      少量错字）记为 NaN，掩码标出它们。``require_number=True`` 时至少要有一个数字（全是文字的列不算）。
    - 是/否、类别（category）、日期列：返回 ``None``。

    只读不改：返回新数组。由调用方决定如何提醒（如用中文警告说明有几个值按缺失处理）。

    >>> v, text = mostly_numeric(pd.Series(["12", "暂无", " 7.5", None]))
    >>> v
    array([12. ,  nan,  7.5,  nan])
    >>> text
    array([False,  True, False, False])
    >>> mostly_numeric(pd.Series(["rice", "tea", "12"])) is None
    True
    """
    import numpy as np

    dtype = s.dtype
    if isinstance(dtype, pd.CategoricalDtype) or pd.api.types.is_bool_dtype(dtype) \
            or pd.api.types.is_datetime64_any_dtype(dtype) or pd.api.types.is_timedelta64_dtype(dtype):
        return None
    if pd.api.types.is_numeric_dtype(dtype):
        return s.to_numpy(dtype="float64", na_value=np.nan), np.zeros(len(s), dtype=bool)
    if not (pd.api.types.is_object_dtype(dtype) or pd.api.types.is_string_dtype(dtype)):
        return None
    missing = s.isna().to_numpy()
    if any(isinstance(v, (bool, np.bool_)) for v in s[~missing].iloc[:1000]):
        return None  # 混着 True/False 的列不是数字
    text = s.astype("str").str.strip()
    token = text.str.lower().isin(MISSING_TOKENS).to_numpy() & ~missing
    values = pd.to_numeric(text.where(~(missing | token)), errors="coerce").to_numpy(dtype="float64", na_value=np.nan)
    candidates = ~(missing | token)
    parsed = candidates & ~np.isnan(values)
    n_cand = int(candidates.sum())
    if require_number and not parsed.any():
        return None
    if n_cand and parsed.sum() < min_share * n_cand:
        return None
    values = np.where(parsed, values, np.nan)
    return values, ~missing & ~parsed


# ---------------------------------------------------------------- 其他对象参数
#: :func:`check_instance` 报错时对类型的称呼（按类型名；没有列出的用类型名本身）
_TYPE_NOUNS = {
    "object": "任意值",
    "str": "文字（字符串）",
    "int": "整数",
    "float": "数字",
    "Real": "数字",
    "bool": "True 或 False",
    "list": "列表",
    "tuple": "元组",
    "dict": "字典",
    "Mapping": "字典（映射）",
    "Sequence": "序列",
    "PathLike": "路径（pathlib.Path）",
    "Path": "路径（pathlib.Path）",
    "Callable": "函数",
    "DataFrame": "pandas DataFrame",
    "Series": "pandas Series",
    "Axes": "matplotlib 的 Axes（如 fig, ax = plt.subplots() 得到的 ax）",
    "NotebookNode": "notebook 对象（如 nbformat.read(路径, as_version=4) 读出的）",
}

def _is_collection(value: Any) -> bool:
    """:func:`check_instance` 的 ``items`` 所说的“一组”：列表、元组、pandas 的 Index/Series、一维数组。"""
    import numpy as np

    return isinstance(value, (list, tuple, pd.Index, pd.Series)) or (isinstance(value, np.ndarray) and value.ndim == 1)


def _type_noun(t: type) -> str:
    return _TYPE_NOUNS.get(t.__name__, t.__name__)


def _short_repr(value: Any, limit: int = 60) -> str:
    try:
        text = repr(value)
    except Exception:  # noqa: BLE001 - 报错信息本身不能再出错
        text = f"<{type(value).__name__}>"
    return text if len(text) <= limit else text[: limit - 1] + "…"


def check_instance(value: Any, types: "type | tuple[type, ...]", name: str, *, allow_none: bool = False,
                   items: "type | tuple[type, ...] | None" = None) -> Any:
    """确认对象参数的类型（Axes、映射、路径、函数、名字列表……），返回原对象（不复制、不转换）。

    - ``types``：允许的类型（一个或元组；可以是 ``()``，只许 ``items`` 说的一组）。
    - ``allow_none=True``：``None`` 也可以（可省略的参数）。
    - ``items``：也可以是一组（列表、元组、Index、Series、一维数组）这种类型的元素，如列名列表 ``items=str``。

    ``bool`` 不算整数或数字（除非 ``types`` 里有 ``bool``）。

    >>> check_instance({"a": 1}, dict, "rename")
    {'a': 1}
    >>> check_instance(None, dict, "rename", allow_none=True) is None
    True
    >>> check_instance("abc", dict, "rename")
    Traceback (most recent call last):
    ...
    ruralfin.errors.RuralfinTypeError: 参数 rename 应为字典，实际是 str：'abc'
    >>> check_instance(["a", "b"], str, "features", items=str)
    ['a', 'b']
    >>> check_instance(["a", 3], (), "features", items=str)
    Traceback (most recent call last):
    ...
    ruralfin.errors.RuralfinTypeError: 参数 features 的第 2 个元素应为文字（字符串），实际是 int：3
    >>> check_instance(12345, (), "features", items=str, allow_none=True)
    Traceback (most recent call last):
    ...
    ruralfin.errors.RuralfinTypeError: 参数 features 应为文字（字符串）的列表（可省略），实际是 int：12345
    """
    types = types if isinstance(types, tuple) else (types,)
    if value is None and allow_none:
        return None
    if items is not None and _is_collection(value):
        item_types = items if isinstance(items, tuple) else (items,)
        for i, v in enumerate(value):
            if not _is_instance(v, item_types):
                raise RuralfinTypeError(f"参数 {name} 的第 {i + 1} 个元素应为{'或'.join(_type_noun(t) for t in item_types)}，"
                                        f"实际是 {type(v).__name__}：{_short_repr(v)}")
        return value
    if types and _is_instance(value, types):
        return value
    nouns = [_type_noun(t) for t in types]
    if items is not None:
        item_types = items if isinstance(items, tuple) else (items,)
        nouns.append("或".join(_type_noun(t) for t in item_types) + "的列表")
    expected = "或".join(dict.fromkeys(nouns)) + ("（可省略）" if allow_none else "")
    expected = " " + expected if expected[:1].isascii() else expected
    raise RuralfinTypeError(f"参数 {name} 应为{expected}，实际是 {type(value).__name__}：{_short_repr(value)}")


def _is_instance(value: Any, types: tuple) -> bool:
    if isinstance(value, bool) and bool not in types:
        return False
    return isinstance(value, types)
