"""读写：加载内置示范县、数据字典、读入银行自己的导出文件并按 schema 校验、导出 Excel/CSV。"""

from __future__ import annotations

import json
import os
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .._validation import check_choice, fmt_list
from ..errors import RuralfinTypeError, RuralfinValueError, SchemaError
from . import schema as _schema
from ._frames import coerce

__all__ = [
    "load_dataset",
    "list_datasets",
    "describe_dataset",
    "read_table",
    "validate_table",
    "export_excel",
    "write_csv",
    "write_county",
    "table_hash",
]

# 这些日期列可以晚于今天（到期日本来就在将来）
_FUTURE_OK = {"maturity_date"}
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


# ---------------------------------------------------------------- 校验与读入
def _header_map(table: str) -> dict[str, str]:
    """中文表头（带或不带单位）-> 英文列名。"""
    from .. import labels

    out = {}
    for c in _schema.get_table(table).columns:
        f = labels.get(c.name, table=table)
        out[f.label] = c.name
        out[f.display] = c.name
        if c.unit:
            out[f"{f.label}（{c.unit}）"] = c.name
            out[f"{f.label}({c.unit})"] = c.name
    return out


def _examples(values, k=3) -> str:
    vals = list(dict.fromkeys(str(v) for v in values))[:k]
    return "、".join(repr(v) for v in vals)


def _convert(raw: pd.Series, c, table: str, problems: list[str]) -> pd.Series:
    """把一列原始值转成 schema 类型；转不了的记入 problems，返回转换后的列（失败处为缺失）。"""
    from .. import labels

    name = c.name
    is_text = raw.dtype == object or pd.api.types.is_string_dtype(raw.dtype)
    s = raw.astype("str").str.strip().where(raw.notna()) if is_text else raw
    if is_text:
        s = s.where(~s.isin(["", "nan", "NaN", "NA", "None", "null", "NULL"]))
    present = s.notna()
    if c.dtype == "category":
        f = labels.get(name, table=table)
        back = {v: k for k, v in f.values.items()}
        txt = s.astype("str").where(present)
        txt = txt.map(lambda v: back.get(v, v) if isinstance(v, str) else v)
        bad = present & ~txt.isin(list(c.categories))
        if bad.any():
            problems.append(f"列 {name} 有 {int(bad.sum())} 个不认识的类别，如 {_examples(txt[bad])}；可选：{fmt_list(c.categories, limit=20)}")
        return txt.where(~bad).astype(c.pandas_dtype)
    if c.dtype == "str":
        return s.astype("str").where(present).astype("str")
    if c.dtype == "date":
        out = pd.to_datetime(s, errors="coerce", format="mixed") if is_text else pd.to_datetime(s, errors="coerce")
        bad = present & out.isna()
        if bad.any():
            problems.append(f"列 {name} 有 {int(bad.sum())} 个值不是日期，如 {_examples(s[bad])}")
        out = out.astype("datetime64[us]")
        if name not in _FUTURE_OK:
            fut = out > pd.Timestamp.today().normalize() + pd.Timedelta(days=1)
            if fut.any():
                problems.append(f"列 {name} 有 {int(fut.sum())} 个日期晚于今天（如 {_examples(out[fut].dt.strftime('%Y-%m-%d'))}），不可能发生")
        return out
    if c.dtype == "bool":
        mapping = {"true": True, "false": False, "1": True, "0": False, "是": True, "否": False, "y": True, "n": False,
                   "yes": True, "no": False, "1.0": True, "0.0": False}
        txt = s.astype("str").str.lower().where(present)
        out = txt.map(lambda v: mapping.get(v) if isinstance(v, str) else None)
        bad = present & out.isna()
        if bad.any():
            problems.append(f"列 {name} 有 {int(bad.sum())} 个值不是“是/否”，如 {_examples(s[bad])}")
        return out.astype("boolean")
    # 数值
    if is_text:
        num = pd.to_numeric(s.astype("str").str.replace(",", "", regex=False).where(present), errors="coerce")
    else:
        num = pd.to_numeric(s, errors="coerce")
    bad = present & num.isna()
    if bad.any():
        problems.append(f"列 {name} 有 {int(bad.sum())} 个值不是数字，如 {_examples(s[bad])}")
    num = num.astype("float64")
    if c.dtype.startswith("int"):
        frac = num.notna() & (num != np.round(num))
        if frac.any():
            problems.append(f"列 {name} 应为整数，有 {int(frac.sum())} 个带小数的值，如 {_examples(num[frac])}")
            num = num.where(~frac)
    if c.min is not None:
        low = num < c.min
        if low.any():
            what = "负数" if c.min == 0 else f"小于 {c.min:g} 的值"
            problems.append(f"列 {name} 有 {int(low.sum())} 个{what}（如 {_examples(num[low])}），{labels.get(name, table=table).label}不能小于 {c.min:g}")
    if c.max is not None:
        high = num > c.max
        if high.any():
            problems.append(f"列 {name} 有 {int(high.sum())} 个大于 {c.max:g} 的值（如 {_examples(num[high])}）")
    return num


def validate_table(df: pd.DataFrame, table: str, *, source: str | None = None) -> pd.DataFrame:
    """按 schema 校验并转换一张表，返回新的、类型齐全的 DataFrame；发现问题时一次性全部报出。

    列名可以是英文列名，也可以是中文显示名（如“贷款余额（万元）”）；类别取值可以是编码或中文名。

    Raises
    ------
    SchemaError
        列缺失或多余、类型不对、金额为负、日期晚于今天、类别不认识、必填列为空、主键重复等，
        每个问题一行。

    Examples
    --------
    >>> import pandas as pd
    >>> from ruralfin.datasets import validate_table
    >>> bad = pd.DataFrame({"sub_industry": ["grocery", "mining"], "revenue_per_kwh": [120, -5],
    ...                     "revenue_per_ton_water": [900, 800], "tax_to_revenue": [0.01, 0.01]})
    >>> validate_table(bad, "industry_coefficients")
    Traceback (most recent call last):
    ...
    ruralfin.errors.SchemaError: 表 industry_coefficients 有 3 个问题：
      1. 缺少列：typical_cash_share
      2. 列 sub_industry 有 1 个不认识的类别，如 'mining'；可选：...
      3. 列 revenue_per_kwh 有 1 个负数（如 '-5.0'），每千瓦时电对应收入不能小于 0
    """
    if not isinstance(df, pd.DataFrame):
        raise RuralfinTypeError(f"validate_table 需要 pandas DataFrame，实际是 {type(df).__name__}")
    t = _schema.get_table(table)
    hm = _header_map(table)
    rename = {}
    for col in df.columns:
        key = str(col).strip()
        if key not in t.column_names and key in hm:
            rename[col] = hm[key]
    work = df.rename(columns=rename)
    problems: list[str] = []
    dup_cols = work.columns[work.columns.duplicated()].tolist()
    if dup_cols:
        problems.append(f"列名重复：{fmt_list(dup_cols)}")
        work = work.loc[:, ~work.columns.duplicated()]
    missing = [c for c in t.column_names if c not in work.columns]
    extra = [str(c) for c in work.columns if c not in t.column_names]
    if missing:
        problems.append(f"缺少列：{fmt_list(missing, limit=30)}")
    if extra:
        problems.append(f"多出不认识的列：{fmt_list(extra, limit=30)}")
    out = {}
    for c in t.columns:
        if c.name not in work.columns:
            continue
        s = _convert(work[c.name], c, table, problems)
        if not c.nullable:
            n_raw_na = int(work[c.name].isna().sum())
            if n_raw_na:
                problems.append(f"列 {c.name} 不能为空，有 {n_raw_na} 个空值")
        out[c.name] = s
    if not missing:
        key = [k for k in t.key]
        frame = pd.DataFrame(out)
        dup = frame.duplicated(subset=key, keep=False)
        if dup.any():
            problems.append(f"主键 {'+'.join(key)} 有 {int(dup.sum())} 行重复")
    if problems:
        raise SchemaError(table, problems, source=source)
    res = pd.DataFrame(out)
    for c in t.columns:
        target = c.pandas_dtype
        s = res[c.name]
        if c.dtype in ("float32", "float64"):
            res[c.name] = s.astype(c.dtype)
        elif c.dtype.startswith("int") or c.dtype == "bool":
            res[c.name] = s.astype(target)
    return coerce(res, table)


def _read_raw(path: Path, sheet_name) -> pd.DataFrame:
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm", ".xls"):
        try:
            return pd.read_excel(path, sheet_name=sheet_name, dtype=object)
        except ValueError as exc:
            raise RuralfinValueError(f"无法读取 Excel 文件 {path.name} 的工作表 {sheet_name!r}：{exc}") from None
    if suffix in (".csv", ".txt", ""):
        for enc in ("utf-8-sig", "gb18030"):
            try:
                return pd.read_csv(path, dtype=str, encoding=enc, keep_default_na=False)
            except UnicodeDecodeError:
                continue
        raise RuralfinValueError(f"无法识别文件 {path.name} 的编码；请另存为 UTF-8 或 GBK 编码的 CSV")
    if suffix == ".parquet":
        return pd.read_parquet(path)
    raise RuralfinValueError(f"不支持的文件类型 {suffix!r}（{path.name}）；支持 .csv、.xlsx、.xls、.parquet")


def read_table(path: str | os.PathLike, table: str, *, sheet_name: Any = 0) -> pd.DataFrame:
    """读入银行自己的导出文件（CSV 或 Excel），按示范县同名表的结构校验并转换类型。

    CSV 的编码自动识别：UTF-8、带 BOM 的 UTF-8、GBK/GB18030。表头可以是英文列名或中文显示名。

    Parameters
    ----------
    path : str or Path
        文件路径（``.csv``、``.xlsx``、``.xls``、``.parquet``）。
    table : str
        对应示范县的哪张表，如 ``"loans"``；结构见 :func:`describe_dataset`。
    sheet_name : str or int, default 0
        Excel 的工作表。

    Returns
    -------
    DataFrame
        与 :func:`load_dataset` 同样类型的新表。

    Raises
    ------
    SchemaError
        一次列出文件里的全部问题（缺列、多列、类型不对、负金额、未来日期、不认识的类别……）。

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from ruralfin.datasets import read_table, load_dataset, write_csv
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> p = write_csv(load_dataset("industry_coefficients"), d / "coef.csv")
    >>> read_table(p, "industry_coefficients").shape
    (17, 5)
    """
    _schema.get_table(table)
    if not isinstance(path, (str, os.PathLike)):
        raise RuralfinTypeError(f"path 应为文件路径（字符串或 Path），实际是 {type(path).__name__}")
    p = Path(path)
    if not p.is_file():
        raise RuralfinValueError(f"找不到文件 {p}")
    raw = _read_raw(p, sheet_name)
    return validate_table(raw, table, source=p.name)


# ---------------------------------------------------------------- 写出
def _check_target(path: str | os.PathLike, overwrite: bool) -> Path:
    if not isinstance(path, (str, os.PathLike)):
        raise RuralfinTypeError(f"path 应为文件路径（字符串或 Path），实际是 {type(path).__name__}")
    if not isinstance(overwrite, bool):
        raise RuralfinTypeError(f"参数 overwrite 应为 True 或 False，实际是 {overwrite!r}")
    p = Path(path)
    if p.exists() and not overwrite:
        raise RuralfinValueError(f"文件 {p} 已存在；如确需覆盖，请传入 overwrite=True")
    if not p.parent.exists():
        raise RuralfinValueError(f"目录 {p.parent} 不存在，请先创建")
    return p


def write_csv(df: pd.DataFrame, path: str | os.PathLike, *, overwrite: bool = False, display: bool = False,
              table: str | None = None) -> Path:
    """把表写成带 BOM 的 UTF-8 CSV（Windows 上的 Excel 双击即可正确显示中文）。

    Parameters
    ----------
    df : DataFrame
        要写出的表，不会被修改。
    path : str or Path
        目标文件；已存在时除非 ``overwrite=True`` 否则报错。
    display : bool, default False
        ``True`` 时先经 :func:`ruralfin.labels.to_display` 换成中文表头与取值并遮蔽个人信息。
    table : str, optional
        表名（取表专属的列说明）。

    Examples
    --------
    >>> import tempfile, pathlib, pandas as pd
    >>> p = write_csv(pd.DataFrame({"loan_amount": [10.0]}), pathlib.Path(tempfile.mkdtemp()) / "a.csv")
    >>> p.read_bytes()[:3] == b"\\xef\\xbb\\xbf"
    True
    """
    if not isinstance(df, pd.DataFrame):
        raise RuralfinTypeError(f"write_csv 需要 pandas DataFrame，实际是 {type(df).__name__}")
    p = _check_target(path, overwrite)
    data = df
    if display:
        from ..labels import to_display

        data = to_display(df, table=table)
    data.to_csv(p, index=False, encoding="utf-8-sig", date_format="%Y-%m-%d")
    return p


def export_excel(frames: pd.DataFrame | dict, path: str | os.PathLike, *, overwrite: bool = False,
                 display: bool = True, mask: bool = True, table: str | None = None) -> Path:
    """把一张或多张表写进一个 Excel 文件，默认用中文表头、中文取值，并遮蔽个人信息。

    Parameters
    ----------
    frames : DataFrame or dict of {sheet name: DataFrame}
        一张表，或“工作表名 -> 表”的字典（工作表名若是示范县表名，用它取表专属说明）。
    path : str or Path
        目标 ``.xlsx`` 文件；已存在时除非 ``overwrite=True`` 否则报错。
    display : bool, default True
        经 :func:`ruralfin.labels.to_display` 换成中文表头与取值。
    mask : bool, default True
        遮蔽身份证号、手机号、姓名等个人信息。
    table : str, optional
        只有一张表时，它对应的示范县表名。

    Examples
    --------
    >>> import tempfile, pathlib, pandas as pd
    >>> p = export_excel(pd.DataFrame({"loan_amount": [10.0]}), pathlib.Path(tempfile.mkdtemp()) / "a.xlsx")
    >>> pd.read_excel(p).columns.tolist()
    ['贷款金额（万元）']
    """
    if isinstance(frames, pd.DataFrame):
        frames = {(table or "Sheet1"): frames}
    if not isinstance(frames, dict) or not frames:
        raise RuralfinTypeError("export_excel 需要一个 DataFrame，或“工作表名 -> DataFrame”的非空字典")
    for k, v in frames.items():
        if not isinstance(v, pd.DataFrame):
            raise RuralfinTypeError(f"工作表 {k!r} 的内容应为 DataFrame，实际是 {type(v).__name__}")
    p = _check_target(path, overwrite)
    if p.suffix.lower() != ".xlsx":
        raise RuralfinValueError(f"Excel 文件名应以 .xlsx 结尾，实际是 {p.name}")
    from ..labels import to_display

    with pd.ExcelWriter(p, engine="openpyxl") as xw:
        for sheet, df in frames.items():
            tname = table if table is not None else (sheet if sheet in _schema.TABLES else None)
            data = to_display(df, table=tname, mask=mask) if display else df
            data = data.copy()
            for col in data.columns:
                if isinstance(data[col].dtype, pd.CategoricalDtype):
                    data[col] = data[col].astype("object")
            name = str(sheet)[:31]
            data.to_excel(xw, sheet_name=name, index=False)
            _format_excel_dates(xw.sheets[name], df, data, table=tname)
    return p


def _excel_date_format(name: Any, s: pd.Series, *, table: str | None = None) -> str | None:
    """日期列在 Excel 里的显示格式；不是日期列时返回 ``None``。

    月份列（``month``、``*_month``，或登记的中文名以“月份”结尾，如 ``closed_date`` 结清/核销月份；
    示范县里一律是月末日期）显示为 ``yyyy-mm``，其他日期为 ``yyyy-mm-dd``，带时刻的才显示时分秒。
    否则 Excel 会给每个日期添上“00:00:00”。

    >>> import pandas as pd
    >>> d = pd.Series(pd.to_datetime(["2025-01-31", "2025-02-28"]))
    >>> _excel_date_format("month", d), _excel_date_format("closed_date", d, table="loans")
    ('yyyy-mm', 'yyyy-mm')
    >>> _excel_date_format("origination_date", d), _excel_date_format("x", d + pd.Timedelta("9h"))
    ('yyyy-mm-dd', 'yyyy-mm-dd hh:mm:ss')
    """
    from ..labels import label

    if not pd.api.types.is_datetime64_any_dtype(s.dtype):
        return None
    if isinstance(name, str) and (name == "month" or name.endswith("_month")
                                  or label(name, table=table, unit=False).endswith("月份")):
        return "yyyy-mm"
    valid = s.dropna()
    if len(valid) and bool((valid != valid.dt.normalize()).any()):
        return "yyyy-mm-dd hh:mm:ss"
    return "yyyy-mm-dd"


def _format_excel_dates(ws, original: pd.DataFrame, written: pd.DataFrame, *, table: str | None = None) -> None:
    """给工作表 ``ws`` 里的日期列设上显示格式（列名按 ``original`` 判断，它与 ``written`` 逐列对应），
    并把列放宽到日期能完整显示（太窄时 Excel 显示 ####）。"""
    import unicodedata

    from openpyxl.utils import get_column_letter

    for j, name in enumerate(original.columns, start=1):
        fmt = _excel_date_format(name, written.iloc[:, j - 1], table=table)
        if fmt is None:
            continue
        for (cell,) in ws.iter_rows(min_row=2, max_row=ws.max_row, min_col=j, max_col=j):
            cell.number_format = fmt
        header = str(written.columns[j - 1])
        header_width = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in header)
        dim = ws.column_dimensions[get_column_letter(j)]
        dim.width = max(len(fmt) + 3, header_width + 2)


def table_hash(df: pd.DataFrame) -> str:
    """表内容的哈希（与文件字节无关）：逐行 ``pd.util.hash_pandas_object`` 再合并，16 进制字符串。

    >>> import pandas as pd
    >>> table_hash(pd.DataFrame({"a": [1, 2]})) == table_hash(pd.DataFrame({"a": [1, 2]}))
    True
    """
    h = pd.util.hash_pandas_object(df, index=False).to_numpy()
    cols = "|".join(f"{c}:{df[c].dtype}" for c in df.columns).encode()
    import hashlib

    m = hashlib.sha256(cols)
    m.update(h.tobytes())
    return m.hexdigest()[:32]


def write_county(tables: dict, out_dir: str | os.PathLike, *, format: str = "parquet", overwrite: bool = False,
                 manifest: dict | None = None, progress=None) -> Path:
    """把一个示范县（表名 -> DataFrame）写进目录：每表一个文件，外加 ``manifest.json``。

    目录非空时除非 ``overwrite=True`` 否则报错。CSV 为带 BOM 的 UTF-8。
    """
    check_choice(format, ["parquet", "csv"], "format")
    d = Path(out_dir)
    if d.exists() and not d.is_dir():
        raise RuralfinValueError(f"{d} 已存在且不是目录")
    if d.exists() and any(d.iterdir()) and not overwrite:
        raise RuralfinValueError(f"目录 {d} 不是空的；如确需覆盖其中的同名文件，请加 --overwrite（或 overwrite=True）")
    d.mkdir(parents=True, exist_ok=True)
    info = {}
    for name, df in tables.items():
        f = d / f"{name}.{format}"
        if format == "parquet":
            df.to_parquet(f, index=False, compression="zstd", compression_level=9)
        else:
            df.to_csv(f, index=False, encoding="utf-8-sig", date_format="%Y-%m-%d")
        info[name] = {"rows": int(len(df)), "hash": table_hash(df)}
        if progress:
            progress(name)
    man = dict(manifest or {})
    man["tables"] = info
    (d / "manifest.json").write_text(json.dumps(man, ensure_ascii=False, indent=1), encoding="utf-8")
    return d
