"""加载随包的示范县各表、列出各表、数据字典。"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pandas as pd

from ..errors import RuralfinValueError
from .. import schema as _schema
from ._frames import coerce

__all__ = ["load_dataset", "list_datasets", "describe_dataset"]

_TYPE_NAMES = {
    "int8": "整数", "int16": "整数", "int32": "整数", "int64": "整数", "float32": "数值", "float64": "数值",
    "str": "文本", "bool": "是/否", "date": "日期", "category": "类别",
}


def _files():
    return resources.files("ruralfin.datasets").joinpath("files")


def _manifest() -> dict:
    f = _files().joinpath("manifest.json")
    if not f.is_file():
        raise RuralfinValueError("没有找到内置的示范县数据文件（ruralfin/datasets/files/manifest.json）；请重新安装 ruralfin")
    return json.loads(f.read_text(encoding="utf-8"))


def load_dataset(name: str) -> pd.DataFrame:
    """加载内置示范县（默认规模与种子）的一张表，返回类型齐全的新 DataFrame。

    数据随包安装，从任何工作目录都能加载。表名见 :func:`list_datasets`。

    Parameters
    ----------
    name : str
        表名，如 ``"entities"``、``"loans"``、``"loan_monthly"``。

    Returns
    -------
    DataFrame
        有序类别列为有序 ``category``，日期为 ``datetime64``，没有 ``object`` 列。

    Examples
    --------
    >>> from ruralfin.datasets import load_dataset
    >>> loans = load_dataset("loans")
    >>> loans["repayment_method"].cat.categories.tolist()
    ['equal_instalment', 'equal_principal', 'interest_only_bullet', 'revolving']
    >>> load_dataset("soft_info")["village_reputation"].cat.ordered
    True
    >>> load_dataset("loan")
    Traceback (most recent call last):
    ...
    ruralfin.errors.RuralfinValueError: 没有名为 'loan' 的表；可用的表：...
    """
    _schema.get_table(name)
    f = _files().joinpath(f"{name}.parquet")
    with resources.as_file(f) as path:
        if not Path(path).is_file():
            raise RuralfinValueError(f"内置数据里缺少表 {name} 的文件；请重新安装 ruralfin")
        df = pd.read_parquet(path)
    return coerce(df, name)


def list_datasets() -> pd.DataFrame:
    """列出示范县的全部表：表名、中文标题、行数、说明。

    Examples
    --------
    >>> from ruralfin.datasets import list_datasets
    >>> t = list_datasets()
    >>> list(t.columns)
    ['name', 'title', 'rows', 'description']
    >>> t.set_index("name").loc["entities", "title"]
    '经营主体'
    """
    man = _manifest()
    rows = [
        {"name": t.name, "title": t.title, "rows": int(man["tables"].get(t.name, {}).get("rows", 0)), "description": t.description}
        for t in _schema.TABLES.values()
    ]
    return pd.DataFrame(rows, columns=["name", "title", "rows", "description"]).astype(
        {"name": "str", "title": "str", "description": "str", "rows": "int64"})


def _type_text(c) -> str:
    if c.dtype == "category":
        kind = "有序类别" if c.ordered else "类别"
        return kind
    return _TYPE_NAMES.get(c.dtype, c.dtype)


def describe_dataset(name: str) -> pd.DataFrame:
    """一张表的数据字典：列名、中文名、单位、含义、类型、取值。

    Examples
    --------
    >>> from ruralfin.datasets import describe_dataset
    >>> d = describe_dataset("loan_monthly")
    >>> list(d.columns)
    ['column', '中文名', '单位', '含义', '类型', '取值']
    >>> d.set_index("column").loc["days_past_due", "中文名"]
    '逾期天数'
    """
    from .. import labels

    t = _schema.get_table(name)
    rows = []
    for c in t.columns:
        f = labels.get(c.name, table=name)
        if c.dtype == "category":
            vals = "、".join(f"{k}={f.values.get(k, k)}" for k in c.categories) if len(c.categories) <= 20 else f"{len(c.categories)} 个取值"
        elif c.min is not None or c.max is not None:
            lo = "" if c.min is None else f"{c.min:g}"
            hi = "" if c.max is None else f"{c.max:g}"
            vals = f"{lo}–{hi}" if hi else f"≥ {lo}"
        else:
            vals = ""
        if c.nullable:
            vals = (vals + "；" if vals else "") + "可为空"
        rows.append({"column": c.name, "中文名": f.label, "单位": c.unit, "含义": f.meaning, "类型": _type_text(c), "取值": vals})
    return pd.DataFrame(rows, columns=["column", "中文名", "单位", "含义", "类型", "取值"]).astype("str")


