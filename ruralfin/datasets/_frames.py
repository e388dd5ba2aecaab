"""按 schema 把 numpy 数组装成类型正确的 DataFrame，以及把任意来源的表还原成 schema 类型。"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..schema import get_table


def build(table: str, cols: dict) -> pd.DataFrame:
    """用 schema 的列顺序和类型把 ``cols``（列名 -> 数组）装成 DataFrame。

    类别列可以给整数编码（-1 表示缺失）或字符串；日期列给 datetime64 数组；
    可空整数列给浮点数组（NaN 表示缺失）。
    """
    t = get_table(table)
    missing = [c for c in t.column_names if c not in cols]
    extra = [c for c in cols if c not in t.column_names]
    assert not missing and not extra, f"{table}: missing {missing}, extra {extra}"
    data = {}
    for c in t.columns:
        v = cols[c.name]
        data[c.name] = _to_dtype(np.asarray(v) if not isinstance(v, (pd.Series, pd.Categorical)) else v, c)
    return pd.DataFrame(data, copy=False)


def _to_dtype(v, c):
    if c.dtype == "category":
        dtype = c.pandas_dtype
        if isinstance(v, np.ndarray) and v.dtype.kind in "iu":
            return pd.Categorical.from_codes(v.astype(np.int16 if len(c.categories) < 30000 else np.int32), dtype=dtype)
        return pd.Categorical(v, dtype=dtype)
    if c.dtype == "date":
        return np.asarray(v).astype("datetime64[us]", copy=False)
    if c.dtype == "str":
        return pd.array(v, dtype="str")
    if c.dtype == "bool":
        if c.nullable:
            arr = np.asarray(v, dtype="float64")
            return pd.array(np.where(np.isnan(arr), None, arr == 1), dtype="boolean")
        return np.asarray(v, dtype=bool)
    if c.dtype.startswith("int"):
        if c.nullable:
            arr = np.asarray(v, dtype="float64")
            mask = np.isnan(arr)
            vals = np.where(mask, 0, np.round(arr)).astype(c.dtype)
            return pd.arrays.IntegerArray(vals, mask)
        return np.asarray(v).astype(c.dtype, copy=False)
    return np.asarray(v, dtype=c.dtype)


def coerce(df: pd.DataFrame, table: str) -> pd.DataFrame:
    """把读回来的表（Parquet 等）还原成 schema 规定的类型与列顺序（返回新表）。"""
    t = get_table(table)
    out = {}
    for c in t.columns:
        s = df[c.name]
        target = c.pandas_dtype
        if c.dtype == "category":
            if not (isinstance(s.dtype, pd.CategoricalDtype) and s.dtype == target):
                s = s.astype("str").where(s.notna()).astype(target) if not isinstance(s.dtype, pd.CategoricalDtype) else s.cat.set_categories(list(c.categories)).astype(target)
        elif str(s.dtype) != str(target):
            s = s.astype(target)
        out[c.name] = s
    return pd.DataFrame(out, index=pd.RangeIndex(len(df)))
