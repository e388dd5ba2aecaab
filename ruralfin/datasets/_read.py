"""读入银行自己的导出文件（CSV、Excel、Parquet），按 schema 校验、对照表头、换算金额单位。"""

from __future__ import annotations

import difflib
import io
import os
import re
import warnings
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .._validation import check_choice, fmt_list
from ..errors import RuralfinTypeError, RuralfinValueError, RuralfinWarning, SchemaError
from .. import schema as _schema

__all__ = ["read_table", "validate_table", "mapping_template"]

# 这些日期列可以晚于今天（到期日本来就在将来）
_FUTURE_OK = {"maturity_date"}

# ---------------------------------------------------------------- 校验与读入
_BLANKS = ["", "nan", "NaN", "NA", "N/A", "None", "null", "NULL", "NaT"]
_YUAN_PER_WANYUAN = 10_000
_MAPPING_HEADERS = ("本行列名", "课程列名")

# 以万元计的列的典型量级：示范县里这一列正数的中位数（万元，取两位有效数字）。
# 判断“看起来是元”的规则：正数的中位数超过典型量级的 _UNIT_FACTOR（100）倍。
# 元与万元差 10000 倍，100 倍正好在对数尺度的中间：本行数据比示范县大或小 100 倍以内都不会误判，
# 而以元导出的列（大 10000 倍）一定会被发现。按 amount_unit 换算后中位数低于典型量级的 1/100，
# 则提示这一列原本就是万元。表里没有登记的万元列按典型量级 10 万元处理。
_TYPICAL_WANYUAN = {
    "target_loan_balance": 1300, "loan_balance": 1300, "overdue_balance": 56, "deposit_balance": 470,
    "new_loan_amount": 58, "max_amount": 75, "total_assets": 23, "total_liabilities": 7.1,
    "reported_revenue": 20, "revenue": 19, "profit": 4.3, "disaster_loss": 1.5, "price_shock_loss": 1.1,
    "insured_amount": 7.2, "sales_amount": 1.5, "materials_cost": 6.6, "labour_cost": 2.4, "rent_cost": 1.7,
    "utilities_cost": 0.77, "interest_cost": 0.38, "other_cost": 1.2, "household_assets": 52,
    "balance": 3.0, "avg_balance_12m": 1.4, "fee_income_12m": 0.001, "inflow_amount": 1.2,
    "outflow_amount": 1.2, "avg_balance": 0.68, "declared_revenue": 5.2, "tax_paid": 0.052,
    "requested_amount": 8.0, "existing_debt": 2.4, "deposit_avg_6m": 0.72, "approved_amount": 7.5,
    "loan_amount": 7.5, "borrower_credit_line": 9.0, "scheduled_payment": 0.1, "paid_amount": 0.1,
    "guarantee_amount": 9.0, "other_bank_debt": 2.9, "amount": 0.35, "truth_revenue": 18,
    "written_off_amount": 10.0, "recovered_after_write_off": 2.3, "other_income": 3.0,
}
#: 同名列在某张表里量级完全不同时按 (表, 列) 另记：全行汇总的余额是几亿元，不是一笔贷款的几万元
_TYPICAL_WANYUAN_BY_TABLE = {
    ("bank_book_monthly", "balance"): 40000, ("bank_book_monthly", "npl_balance"): 400,
    ("bank_book_monthly", "agri_related_balance"): 15000, ("bank_book_monthly", "new_loan_amount"): 3000,
}
_DEFAULT_TYPICAL = 10.0
_UNIT_FACTOR = 100.0


def _unit_limits(name: str, table: str | None = None) -> tuple[float, float]:
    """(换算后中位数的下限, 中位数的上限)，单位万元。"""
    typ = _TYPICAL_WANYUAN_BY_TABLE.get((table, name)) or _TYPICAL_WANYUAN.get(name, _DEFAULT_TYPICAL)
    return typ / _UNIT_FACTOR, typ * _UNIT_FACTOR


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


def _yuan_header_map(table: str) -> dict[str, str]:
    """万元列写成“中文名（元）”的表头 -> 英文列名（表头本身说明了单位是元）。"""
    from .. import labels

    out = {}
    for c in _schema.get_table(table).columns:
        if c.unit == "万元":
            lab = labels.get(c.name, table=table).label
            out[f"{lab}（元）"] = c.name
            out[f"{lab}(元)"] = c.name
    return out


def _col_text(name: str, table: str, origin: str | None = None) -> str:
    """问题行里的列名：中文名（英文列名），对照表改过名的再注明文件里的表头。"""
    from .. import labels

    try:
        lab = labels.get(name, table=table).label
    except RuralfinValueError:
        lab = name
    inner = name if origin is None else f"{name}，文件里叫“{origin}”"
    return f"{lab}（{inner}）"


def _choices_text(table: str, names=None) -> str:
    names = _schema.get_table(table).column_names if names is None else names
    return "、".join(_col_text(n, table) for n in names)


def _read_mapping_file(path: Path) -> dict:
    if not path.is_file():
        raise RuralfinValueError(f"找不到列名对照表文件 {path}（参数 columns）；可用 mapping_template 生成一份再填写")
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        m = pd.read_excel(path, dtype=str)
    elif suffix in (".csv", ".txt"):
        m = None
        for enc in ("utf-8-sig", "gb18030"):
            try:
                m = pd.read_csv(path, dtype=str, encoding=enc, keep_default_na=False)
                break
            except UnicodeDecodeError:
                continue
        if m is None:
            raise RuralfinValueError(f"无法识别列名对照表 {path.name} 的编码；请另存为 UTF-8 或 GBK 编码的 CSV")
    else:
        raise RuralfinValueError(f"列名对照表应为 .csv 或 .xlsx 文件，实际是 {path.name}")
    m.columns = [str(c).strip() for c in m.columns]
    lacking = [h for h in _MAPPING_HEADERS if h not in m.columns]
    if lacking:
        raise RuralfinValueError(
            f"列名对照表 {path.name} 缺少表头 {'、'.join(lacking)}；应有两列“本行列名”“课程列名”"
            f"（现有：{fmt_list(m.columns)}），可用 mapping_template 生成模板")
    out: dict = {}
    for i, (bank, ours) in enumerate(zip(m["本行列名"], m["课程列名"]), start=2):
        bank = "" if pd.isna(bank) else str(bank).strip()
        ours = "" if pd.isna(ours) else str(ours).strip()
        if not bank:
            continue  # 模板里没填的行
        if not ours:
            raise RuralfinValueError(f"列名对照表 {path.name} 第 {i} 行填了本行列名“{bank}”，但课程列名是空的")
        if bank in out and out[bank] != ours:
            raise RuralfinValueError(f"列名对照表 {path.name} 里本行列名“{bank}”出现了两次（第 {i} 行），对应到不同的列")
        out[bank] = ours
    return out


def _resolve_mapping(columns, table: str) -> dict[str, str]:
    """参数 columns（字典或对照表文件）-> {去掉首尾空格的本行表头: 英文列名}。"""
    if columns is None:
        return {}
    if isinstance(columns, (str, os.PathLike)):
        columns = _read_mapping_file(Path(columns))
    elif not isinstance(columns, Mapping):
        raise RuralfinTypeError(
            "参数 columns 应为字典 {本行列名: 课程列名}，或列名对照表文件（CSV）的路径，"
            f"实际是 {type(columns).__name__}")
    t = _schema.get_table(table)
    hm = _header_map(table)
    out: dict[str, str] = {}
    for bank, ours in columns.items():
        if not isinstance(ours, str):
            raise RuralfinTypeError(f"参数 columns 里“{bank}”对应的课程列名应为字符串，实际是 {type(ours).__name__}：{ours!r}")
        target = ours.strip()
        target = target if target in t.column_names else hm.get(target)
        if target is None:
            hint = ""
            if str(bank).strip() in t.column_names:
                hint = "；看起来写反了，应为 {本行列名: 课程列名}"
            else:
                close = difflib.get_close_matches(ours.strip(), t.column_names, n=1)
                if close:
                    hint = f"；是不是 {close[0]}？"
            raise RuralfinValueError(
                f"参数 columns 把本行列名“{bank}”对应到 {ours!r}，但表 {table} 没有这一列{hint}"
                f"\n可选的课程列名：{_choices_text(table)}")
        out[str(bank).strip()] = target
    return out


def _resolve_units(amount_unit, table: str) -> dict[str, str]:
    """参数 amount_unit -> {万元列: "元" 或 "万元"}；没说的列不在字典里（按量级检查）。"""
    t = _schema.get_table(table)
    wan = [c.name for c in t.columns if c.unit == "万元"]
    if amount_unit is None:
        return {}
    if isinstance(amount_unit, str):
        check_choice(amount_unit, ["元", "万元"], "amount_unit")
        return {n: amount_unit for n in wan}
    if not isinstance(amount_unit, Mapping):
        raise RuralfinTypeError(
            f'参数 amount_unit 应为 "元"、"万元" 或字典 {{列名: "元"}}，实际是 {type(amount_unit).__name__}')
    hm = _header_map(table)
    out = {}
    for k, v in amount_unit.items():
        name = k if k in t.column_names else hm.get(k, k) if isinstance(k, str) else k
        if name not in wan:
            raise RuralfinValueError(
                f"参数 amount_unit 里的 {k!r} 不是表 {table} 中以万元计的列；"
                f"以万元计的列：{_choices_text(table, wan) or '（无）'}")
        check_choice(v, ["元", "万元"], f"amount_unit[{k!r}]")
        out[name] = v
    return out


def _examples(values, k=3) -> str:
    vals = list(dict.fromkeys(str(v) for v in values))[:k]
    return "、".join(repr(v) for v in vals)


def _key_text(v) -> str:
    if isinstance(v, (float, np.floating)) and float(v).is_integer():
        return str(int(v))
    if isinstance(v, pd.Timestamp):
        return v.strftime("%Y-%m-%d")
    return str(v)


def _plain_text(s: pd.Series) -> pd.Series:
    """pyarrow 的紧凑文本列（``ArrowDtype(pa.string())``，读大 CSV 时用它省内存）换成普通的 ``str`` 列。"""
    if isinstance(s.dtype, pd.ArrowDtype) and s.dtype.kind in "OU" and "string" in str(s.dtype.pyarrow_dtype):
        return s.astype("str")
    return s


def _is_text(raw: pd.Series) -> bool:
    return raw.dtype == object or pd.api.types.is_string_dtype(raw.dtype)


def _blank(raw: pd.Series) -> pd.Series:
    """原始值是否为空（缺失，或 CSV 里的空串、“NA”之类）。"""
    na = raw.isna()
    if _is_text(raw):
        na = na | raw.astype("str").str.strip().isin(_BLANKS)
    return na.astype(bool)


_ARMED_START = ("=", "+", "-", "@")


def _strip_cell(v: str) -> str:
    """去掉首尾空白；但去掉开头的空白（如制表符）后会以 = + - @ 开头时，开头的空白保留。

    导出时在公式样的文字前加制表符或单引号，是为了让 Excel 不把它当公式；读入时拆掉它会让
    这段文字重新变成公式（导出时虽会再加单引号，别的程序未必），所以不拆。
    """
    t = v.strip()
    return v.rstrip() if t.startswith(_ARMED_START) and not v.startswith(_ARMED_START) else t


def _strip_text(s: pd.Series) -> pd.Series:
    """:func:`_strip_cell` 的整列版本（``s`` 为文本列）。"""
    stripped = s.str.strip()
    rearmed = stripped.str.startswith(_ARMED_START, na=False) & ~s.str.startswith(_ARMED_START, na=False)
    if rearmed.any():
        stripped = stripped.where(~rearmed, s.str.rstrip())
    return stripped


def _to_number(text: pd.Series) -> pd.Series:
    """文本 -> float64，认不出的为缺失（同 ``pd.to_numeric(errors="coerce")``）。

    整列都是数时用 pyarrow 直接转换，比 pandas 快约 10 倍（大文件读入的主要耗时在这里）。
    """
    if isinstance(text.dtype, pd.StringDtype) and text.dtype.storage == "pyarrow":
        import pyarrow as pa
        import pyarrow.compute as pc

        try:
            values = pc.cast(pa.array(text), pa.float64()).to_numpy(zero_copy_only=False)
        except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
            pass  # 有不是数的格子：逐个判断
        else:
            return pd.Series(values, index=text.index, name=text.name)
    return pd.to_numeric(text, errors="coerce")


def _to_dates(text: pd.Series) -> pd.Series:
    """文本 -> datetime64[us]，认不出的为 NaT（同 ``pd.to_datetime(errors="coerce", format="mixed")``）。

    整列都是标准写法（2024-03-31、2024/03/31、2024-03-31 08:30:00）时用 pyarrow 严格转换（2 月 30 日
    这样的日子不认），快得多也省内存；否则交给 pandas 逐个认。
    """
    if isinstance(text.dtype, pd.StringDtype) and text.dtype.storage == "pyarrow":
        import pyarrow as pa
        import pyarrow.compute as pc

        arr = pa.array(text)
        for candidate in (arr, pc.replace_substring(arr, "/", "-")):
            try:
                ts = pc.cast(candidate, pa.timestamp("us"))
            except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
                continue
            return pd.Series(ts.to_numpy(zero_copy_only=False), index=text.index, name=text.name)
    return pd.to_datetime(text, errors="coerce", format="mixed")


def _is_id(c) -> bool:
    """编号列（``*_id`` 整数列）：银行导出里可以是字母数字混排的文本。"""
    return c.name.endswith("_id") and c.dtype.startswith("int")


def _id_as_text(raw: pd.Series, blank: pd.Series) -> pd.Series:
    """编号统一成文本：Excel 里的 123.0 记作 '123'，去掉首尾空格。"""
    if isinstance(raw.dtype, pd.StringDtype):  # CSV 读进来的：本来就是文本，整列一起处理
        return _strip_text(raw).where(~blank)

    def one(v):
        if isinstance(v, (bool, np.bool_)):
            return str(v)
        if isinstance(v, (int, np.integer)):
            return str(int(v))
        if isinstance(v, (float, np.floating)) and float(v).is_integer():
            return str(int(v))
        return _strip_cell(str(v))

    return raw.astype(object).map(one, na_action="ignore").where(~blank)


def _text_ids(raw: pd.Series, c, blank: pd.Series) -> pd.Series | None:
    """编号列要保留为文本时返回文本列，否则（全是能装进整数类型的数）返回 None。"""
    if not _is_text(raw):
        return None
    txt = _id_as_text(raw, blank)
    vals = txt[~blank].astype("str")
    if vals.empty:
        return None
    if _to_number(vals).isna().any():
        return txt  # 含字母等：如 'JJ2024000123'
    digits = vals.str.fullmatch(r"\d+")
    if digits.all():
        leading_zero = (vals.str.len() > 1) & vals.str.startswith("0")
        top = np.iinfo(c.dtype).max
        width, n = len(str(top)), vals.str.len()
        too_big = bool((n > width).any()) or bool((vals[n == width].map(int) > top).any())
        if leading_zero.any() or too_big:
            return txt  # 有前导零或超出整数范围：当文本保留，免得丢信息
    return None  # 交给数值检查（负数、小数照常报问题）


def _convert(raw: pd.Series, c, table: str, problems: list[str], *, col: str | None = None,
             unit: str | None = None, yuan_header: bool = False, blank: pd.Series | None = None) -> pd.Series:
    """把一列原始值转成 schema 类型；转不了的记入 problems，返回转换后的列（失败处为缺失）。

    ``col`` 是问题行里的列名写法；``unit`` 是 amount_unit 对这一列的说法（万元列才有）；``blank`` 是
    :func:`_blank` 的结果（已算过时传入，省一遍）。
    """
    from .. import labels

    name = c.name
    col = col or _col_text(name, table)
    is_text = _is_text(raw)
    if is_text:
        text = raw.astype("str")
        stripped = text.str.strip()
        if blank is None:
            blank = (raw.isna() | stripped.isin(_BLANKS)).astype(bool)
        s = stripped.where(~blank)
    else:
        blank = _blank(raw) if blank is None else blank
        s = raw
    present = ~blank
    if c.dtype == "category":
        f = labels.get(name, table=table)
        back = {v: k for k, v in f.values.items()}
        # 按不同的取值查一次（factorize），不逐行：大文件里逐行查字典既慢又占内存
        codes, uniques = pd.factorize(s.astype("str").where(present))  # 空值为 -1
        mapped = np.array([back.get(u, u) for u in uniques] + [None], dtype=object)
        pos = {v: i for i, v in enumerate(c.categories)}
        new = np.array([pos.get(m, -1) for m in mapped], dtype=np.int64)[codes]  # codes 为 -1 时取到最后的 -1
        bad = present.to_numpy() & (new < 0)
        if bad.any():
            problems.append(f"列 {col}有 {int(bad.sum())} 个不认识的类别，如 {_examples(mapped[codes[bad]])}；"
                            f"可选：{fmt_list(c.categories, limit=20)}")
        return pd.Series(pd.Categorical.from_codes(new, dtype=c.pandas_dtype), index=raw.index)
    if c.dtype == "str":
        out = _strip_text(text).where(present) if is_text else s.astype("str").where(present)
        return out.astype("str")
    if c.dtype == "date":
        out = _to_dates(s) if is_text else pd.to_datetime(s, errors="coerce")
        bad = present & out.isna()
        if bad.any():
            problems.append(f"列 {col}有 {int(bad.sum())} 个值不是日期，如 {_examples(s[bad])}")
        out = out.astype("datetime64[us]")
        if name not in _FUTURE_OK:
            fut = out > pd.Timestamp.today().normalize() + pd.Timedelta(days=1)
            if fut.any():
                problems.append(f"列 {col}有 {int(fut.sum())} 个日期晚于今天（如 {_examples(out[fut].dt.strftime('%Y-%m-%d'))}），不可能发生")
        return out
    if c.dtype == "bool":
        mapping = {"true": True, "false": False, "1": True, "0": False, "是": True, "否": False, "y": True, "n": False,
                   "yes": True, "no": False, "1.0": True, "0.0": False}
        codes, uniques = pd.factorize(s.astype("str").str.lower().where(present))  # 空值为 -1
        flag = np.array([{True: 1, False: 0}.get(mapping.get(u), -1) for u in uniques] + [-1], dtype=np.int8)[codes]
        bad = present.to_numpy() & (flag < 0)  # 认不出的
        if bad.any():
            problems.append(f"列 {col}有 {int(bad.sum())} 个值不是“是/否”，如 {_examples(s[bad])}")
        out = pd.array(flag == 1, dtype="boolean")
        out[flag < 0] = pd.NA
        return pd.Series(out, index=raw.index)
    if _is_id(c):
        ids = _text_ids(raw, c, blank)
        if ids is not None:
            return ids.astype("str")
    # 数值
    if is_text:
        num = _to_number(s.astype("str").str.replace(",", "", regex=False).where(present))
    else:
        num = pd.to_numeric(s, errors="coerce")
    bad = present & num.isna()
    if bad.any():
        problems.append(f"列 {col}有 {int(bad.sum())} 个值不是数字，如 {_examples(s[bad])}")
    num = num.astype("float64")
    infinite = num.notna() & ~np.isfinite(num)  # inf、-inf，以及 1e309 这样超出浮点范围的数
    if infinite.any():
        problems.append(f"列 {col}有 {int(infinite.sum())} 个值不是有限的数（如 {_examples(s[infinite])}），"
                        "金额、笔数等只能是普通的数字")
        num = num.where(~infinite)
    if c.dtype.startswith("int"):
        frac = num.notna() & (num != np.round(num))
        if frac.any():
            problems.append(f"列 {col}应为整数，有 {int(frac.sum())} 个带小数的值，如 {_examples(num[frac])}")
            num = num.where(~frac)
        info = np.iinfo(c.dtype)
        huge = num.notna() & ((num < info.min) | (num > info.max))
        if huge.any():
            problems.append(f"列 {col}有 {int(huge.sum())} 个值超出了这一列的整数范围"
                            f"（{info.min:,} 到 {info.max:,}），如 {_examples(s[huge])}")
            num = num.where(~huge)
    if c.unit == "万元":
        num = _check_unit(num, c, col, problems, unit=unit, yuan_header=yuan_header, table=table)
    if c.min is not None:
        low = num < c.min
        if low.any():
            what = "负数" if c.min == 0 else f"小于 {c.min:g} 的值"
            problems.append(f"列 {col}有 {int(low.sum())} 个{what}（如 {_examples(num[low])}），不能小于 {c.min:g}")
    if c.max is not None:
        high = num > c.max
        if high.any():
            problems.append(f"列 {col}有 {int(high.sum())} 个大于 {c.max:g} 的值（如 {_examples(num[high])}）")
    return num


def _check_unit(num: pd.Series, c, col: str, problems: list[str], *, unit: str | None,
                yuan_header: bool, table: str | None = None) -> pd.Series:
    """万元列：按 amount_unit 换算，或在看起来是元时报问题（从不悄悄换算）。"""
    low_limit, high_limit = _unit_limits(c.name, table)
    pos = num[num > 0]
    med = float(pos.median()) if len(pos) else np.nan
    how = (f'如确是元，请传入 amount_unit="元"（表里全部万元列）或 amount_unit={{"{c.name}": "元"}}，'
           f"读入时除以 10000 换成万元")
    if unit == "元":
        num = num / _YUAN_PER_WANYUAN
        if np.isfinite(med) and med / _YUAN_PER_WANYUAN < low_limit:
            problems.append(
                f"列 {col}按 amount_unit 从元换算后，正数的中位数只有 {med / _YUAN_PER_WANYUAN:.4g} 万元"
                f"（{med:.4g} 元），这一列一般不低于 {low_limit:g} 万元，看起来原本就是万元；"
                f'请把这一列从 amount_unit 里去掉，或写成 amount_unit={{"{c.name}": "万元"}}')
        return num
    if unit == "万元":
        return num
    if yuan_header:
        problems.append(f"列 {col}的表头写明单位是元，课程按万元计；{how}")
    elif np.isfinite(med) and med > high_limit:
        problems.append(
            f"列 {col}看起来是以元计：正数的中位数是 {med:,.6g}，而课程按万元计，这一列的中位数一般不超过 "
            f'{high_limit:,g} 万元；{how}；如确是万元，请传入 amount_unit={{"{c.name}": "万元"}}')
    return num


def _release_arrow_memory() -> None:
    """把 pyarrow 内存池里已释放的内存还给操作系统（mimalloc/jemalloc 默认会留着备用，
    读大文件时会与 numpy 的内存叠在一起，峰值翻倍）。"""
    import pyarrow as pa

    pa.default_memory_pool().release_unused()


def _validate(df, table, *, columns, amount_unit, source, stacklevel, consume: bool = False) -> pd.DataFrame:
    """``consume=True``（只给 read_table 自己读进来的表用）：每转换完一列就把 ``df`` 里的原始文本换成
    占位的空列，读大文件时原始文本与转换结果不必同时整份留在内存里。"""
    if not isinstance(df, pd.DataFrame):
        raise RuralfinTypeError(f"validate_table 需要 pandas DataFrame，实际是 {type(df).__name__}")
    t = _schema.get_table(table)
    mapping = _resolve_mapping(columns, table)
    units = _resolve_units(amount_unit, table)
    hm, yuan_hm = _header_map(table), _yuan_header_map(table)
    problems: list[str] = []
    found: dict[str, list[tuple[int, str]]] = {}  # 英文列名 -> [(位置, 文件里的表头)]
    extra: list[int] = []
    n_empty = 0
    yuan_headers: set[str] = set()
    for i, label in enumerate(df.columns):
        key = str(label).strip()
        if key in mapping:
            target = mapping[key]
        elif key in t.column_names:
            target = key
        elif key in hm:
            target = hm[key]
        elif key in yuan_hm:
            target = yuan_hm[key]
            yuan_headers.add(target)
        else:
            if re.fullmatch(r"Unnamed: \d+", key) and _blank(df.iloc[:, i]).all():
                n_empty += 1  # 行尾多出的逗号等：没有表头也没有内容的空列
            else:
                extra.append(i)
            continue
        found.setdefault(target, []).append((i, key))
    origin = {name: hits[0][1] for name, hits in found.items() if hits[0][1] in mapping}
    for name, hits in found.items():
        if len(hits) > 1:
            problems.append(f"列 {_col_text(name, table)}在文件里出现了 {len(hits)} 次（表头：{'、'.join(h for _, h in hits)}），只能保留一列")
    extra_names = [df.columns[i] for i in extra]
    dup_extra = pd.Index([str(x) for x in extra_names])
    if dup_extra.duplicated().any():
        problems.append(f"列名重复：{fmt_list(dup_extra[dup_extra.duplicated()].unique())}")
    missing = [c for c in t.column_names if c not in found]
    if missing:
        back = {v: k for k, v in mapping.items()}
        parts = []
        for m in missing:
            note = f"，columns 里的“{back[m]}”不在文件里" if m in back else ""
            parts.append(_col_text(m, table)[:-1] + note + "）")
        line = f"缺少列：{fmt_list(parts, limit=30)}"
        if extra_names:
            line += (f"。文件里还有未对应上的列：{fmt_list(extra_names, limit=30)}；如果其中有上面缺的列，"
                     f'请用参数 columns 对应，如 columns={{"本行的表头": "{missing[0]}"}}，'
                     "或用 mapping_template 生成列名对照表")
        problems.append(line)
    out = {}
    for c in t.columns:
        if c.name not in found:
            continue
        j = found[c.name][0][0]
        raw = _plain_text(df.iloc[:, j].reset_index(drop=True))
        col = _col_text(c.name, table, origin.get(c.name))
        blank = _blank(raw)
        out[c.name] = _convert(raw, c, table, problems, col=col, unit=units.get(c.name),
                               yuan_header=c.name in yuan_headers, blank=blank)
        if not c.nullable:
            n_na = int(blank.sum())
            if n_na:
                problems.append(f"列 {col}不能为空，有 {n_na} 个空值")
        if consume:
            del raw, blank
            df.isetitem(j, pd.Categorical.from_codes(np.full(len(df), -1, dtype=np.int8), categories=[]))
            _release_arrow_memory()
    if all(k in out for k in t.key):
        frame = pd.DataFrame({k: out[k] for k in t.key})
        complete = frame.notna().all(axis=1)
        dup = frame[complete].duplicated(keep=False)
        if dup.any():
            rows = frame[complete][dup]
            ex = ["+".join(_key_text(v) for v in row) for row in rows.itertuples(index=False)]
            problems.append(
                f"主键 {'+'.join(_col_text(k, table) for k in t.key)}有 {int(dup.sum())} 行重复，如 {_examples(ex)}")
    if problems:
        raise SchemaError(table, problems, source=source)
    res = {}
    for c in t.columns:
        s = out[c.name]
        target = c.pandas_dtype
        if _is_id(c) and pd.api.types.is_string_dtype(s.dtype):
            res[c.name] = s  # 文本编号原样保留
        elif c.dtype == "category":
            res[c.name] = s
        elif str(s.dtype) != str(target):
            res[c.name] = s.astype(target)
        else:
            res[c.name] = s
    for i in extra:
        s = _plain_text(df.iloc[:, i].reset_index(drop=True))
        if s.dtype == object:
            s = s.infer_objects()
            if s.dtype == object:
                s = s.astype("str").where(s.notna())
        res[df.columns[i]] = s
    result = pd.DataFrame(res, index=pd.RangeIndex(len(df)), copy=False)  # 大文件：不再整表复制一遍
    if extra_names or n_empty:
        where = f"（文件 {source}）" if source else ""
        msg = f"表 {table}{where} "
        if extra_names:
            msg += (f"有 {len(extra_names)} 列不在课程的表结构里，已原样保留在最后：{fmt_list(extra_names, limit=30)}；"
                    "如果其中有应当对应到课程列名的，请用参数 columns 指定")
        if n_empty:
            msg += f"{'；另' if extra_names else ''}有 {n_empty} 个没有表头的空列，已忽略"
        warnings.warn(msg, RuralfinWarning, stacklevel=stacklevel + 1)
    return result


def validate_table(df: pd.DataFrame, table: str, *, columns: Mapping | str | os.PathLike | None = None,
                   amount_unit: str | Mapping | None = None, source: str | None = None) -> pd.DataFrame:
    """按 schema 校验并转换一张表，返回新的、类型齐全的 DataFrame；发现问题时一次性全部报出。

    表头按下面的顺序认：参数 ``columns`` 给的对应关系；英文列名；登记处的中文名
    （带或不带单位，如“贷款余额”“贷款余额（万元）”）。类别取值可以是编码或中文名。

    Parameters
    ----------
    df : DataFrame
        银行导出的表，不会被修改。
    table : str
        对应示范县的哪张表，如 ``"loans"``。
    columns : dict or str or Path, optional
        本行表头到课程列名的对应：字典 ``{"借据号": "loan_id", ...}``，或列名对照表文件
        （CSV，两列“本行列名”“课程列名”，见 :func:`mapping_template`）。课程列名也可以写中文名。
    amount_unit : {"元", "万元"} or dict, optional
        以万元计的列在文件里的单位。``"元"`` 表示全部万元列都是元，读入时除以 10000；
        也可以逐列给出，如 ``{"loan_amount": "元"}``。不给时按量级检查：某列正数的中位数
        超过该列典型量级的 100 倍（如贷款金额超过 750 万元）就报“看起来是以元计”，从不悄悄换算。
        以元计的列（客单价等）不受影响。
    source : str, optional
        出错时在信息里注明的文件名。

    Returns
    -------
    DataFrame
        课程表结构的各列（与 :func:`load_dataset` 同样的类型），后面是原样保留的多余列。
        编号列（``loan_id``、``entity_id``、``application_id`` 等 ``*_id`` 列）里有字母、
        前导零或超出整数范围的编号时保留为文本（``str``），否则为整数。

    Raises
    ------
    SchemaError
        列缺失、类型不对、金额为负或看起来是元、日期晚于今天、类别不认识、必填列为空、主键重复等，
        每个问题一行，列名写成“中文名（英文列名）”。
    RuralfinValueError
        ``columns`` 对应到不存在的列，或 ``amount_unit`` 写错。

    Warns
    -----
    RuralfinWarning
        文件里有课程表结构以外的列（已保留在最后）。

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
      1. 缺少列：典型现金收款占比（typical_cash_share）
      2. 列 细分行业（sub_industry）有 1 个不认识的类别，如 'mining'；可选：...
      3. 列 每千瓦时电对应收入（revenue_per_kwh）有 1 个负数（如 '-5.0'），不能小于 0

    本行的表头（用 ``columns`` 对应）、字母数字混排的借据号（保留为文本）、多余的列（保留在最后）：

    >>> export = pd.DataFrame({"借据号": ["JJ2024000123"], "主体编号": [101], "guarantor_id": [205],
    ...                        "担保金额": [30.0], "保证人关系": ["亲属"], "备注": ["续保"]})
    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     g = validate_table(export, "guarantees", columns={"借据号": "loan_id"})
    >>> print(caught[0].message)
    表 guarantees 有 1 列不在课程的表结构里，已原样保留在最后：备注；如果其中有应当对应到课程列名的，请用参数 columns 指定
    >>> g.columns.tolist()
    ['loan_id', 'entity_id', 'guarantor_id', 'guarantee_amount', 'guarantor_relation', '备注']
    >>> g["loan_id"].tolist(), g["entity_id"].dtype
    (['JJ2024000123'], dtype('int32'))
    """
    return _validate(df, table, columns=columns, amount_unit=amount_unit, source=source, stacklevel=2)


def mapping_template(table: str, path: str | os.PathLike) -> Path:
    """写一份列名对照表模板（带 BOM 的 UTF-8 CSV），分析员在“本行列名”一栏填上本行导出的表头。

    模板每行一个课程列：``本行列名``（空，待填）、``课程列名``、``中文名``、``单位``、``含义``。
    表头本来就是课程列名或中文名的行可以不填。填好后把文件路径传给
    :func:`read_table` 的 ``columns`` 参数；读的时候只看前两栏，空着的行跳过。
    已存在的文件一律不覆盖（可能已经填好了）。

    Parameters
    ----------
    table : str
        示范县的表名，如 ``"loans"``。
    path : str or Path
        要写的 ``.csv`` 文件；所在目录须已存在。

    Returns
    -------
    Path
        写出的文件。

    Examples
    --------
    >>> import tempfile, pathlib, pandas as pd
    >>> from ruralfin.datasets import mapping_template
    >>> p = mapping_template("loan_monthly", pathlib.Path(tempfile.mkdtemp()) / "对照表.csv")
    >>> for line in p.read_text(encoding="utf-8-sig").splitlines()[:6]:
    ...     print(line)
    本行列名,课程列名,中文名,单位,含义
    ,loan_id,贷款编号,,贷款合同的编号
    ,entity_id,主体编号,,经营主体的编号（示范县内唯一）
    ,month,月份,,...
    ,months_on_book,账龄,月,...
    ,balance,贷款余额,万元,月末贷款本金余额
    >>> mapping_template("loan_monthly", p)
    Traceback (most recent call last):
    ...
    ruralfin.errors.RuralfinValueError: 文件 ... 已存在（可能已经填好），不会覆盖；请换一个文件名
    """
    from .. import labels

    t = _schema.get_table(table)
    if not isinstance(path, (str, os.PathLike)):
        raise RuralfinTypeError(f"path 应为文件路径（字符串或 Path），实际是 {type(path).__name__}")
    p = Path(path)
    if p.suffix.lower() != ".csv":
        raise RuralfinValueError(f"列名对照表的文件名应以 .csv 结尾，实际是 {p.name}")
    if p.exists():
        raise RuralfinValueError(f"文件 {p} 已存在（可能已经填好），不会覆盖；请换一个文件名")
    if not p.parent.is_dir():
        raise RuralfinValueError(f"目录 {p.parent} 不存在，请先创建")
    rows = []
    for c in t.columns:
        f = labels.get(c.name, table=table)
        rows.append({"本行列名": "", "课程列名": c.name, "中文名": f.label, "单位": c.unit, "含义": f.meaning})
    frame = pd.DataFrame(rows, columns=["本行列名", "课程列名", "中文名", "单位", "含义"])
    with open(p, "x", encoding="utf-8-sig", newline="") as fh:  # "x"：文件已存在时不写
        frame.to_csv(fh, index=False)
    return p


_XLRD_HINT = ('读取 .xls（Excel 97-2003）文件需要 xlrd 包（2.0.1 或更新）：请运行 pip install "xlrd>=2.0.1"'
              "（Anaconda：conda install -c conda-forge xlrd），或在 Excel 里把文件另存为 .xlsx 或 .csv")


def _pick_sheet(names: list[str], sheet_name, path: Path) -> int:
    if isinstance(sheet_name, bool) or not isinstance(sheet_name, (int, str)):
        raise RuralfinTypeError(f"参数 sheet_name 应为工作表名或序号（从 0 开始），实际是 {sheet_name!r}")
    if isinstance(sheet_name, int):
        if 0 <= sheet_name < len(names):
            return sheet_name
    elif sheet_name in names:
        return names.index(sheet_name)
    raise RuralfinValueError(f"文件 {path.name} 里没有工作表 {sheet_name!r}；现有：{fmt_list(names)}（序号从 0 开始）")


def _read_xls(path: Path, sheet_name) -> pd.DataFrame:
    """用 xlrd 读 Excel 97-2003（.xls），各单元格按类型取值，结果与 ``pd.read_excel(dtype=object)`` 相仿。

    直接用 xlrd 而不经 pandas：pandas 3.1 起 ``read_excel`` 的 xlrd 引擎已标记为将要移除。
    """
    try:
        import xlrd
    except ImportError:
        raise RuralfinValueError(f"无法读取 {path.name}：{_XLRD_HINT}") from None
    try:
        book = xlrd.open_workbook(str(path), logfile=io.StringIO(), on_demand=True)
    except xlrd.XLRDError as exc:
        raise RuralfinValueError(
            f"文件 {path.name} 不是能识别的 .xls 文件（{exc}）；请用 Excel 打开后另存为 .xlsx 或 .csv") from None
    try:
        sheet = book.sheet_by_index(_pick_sheet(book.sheet_names(), sheet_name, path))

        def value(cell):
            kind = cell.ctype
            if kind in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK, xlrd.XL_CELL_ERROR):
                return None
            if kind == xlrd.XL_CELL_DATE:
                return pd.Timestamp(xlrd.xldate_as_datetime(cell.value, book.datemode))
            if kind == xlrd.XL_CELL_BOOLEAN:
                return bool(cell.value)
            if kind == xlrd.XL_CELL_NUMBER and float(cell.value).is_integer():
                return int(cell.value)
            return cell.value

        if sheet.nrows == 0:
            return pd.DataFrame()
        header, seen = [], {}
        for j, cell in enumerate(sheet.row(0)):
            v = value(cell)
            name = f"Unnamed: {j}" if v is None or str(v).strip() == "" else str(v)
            if name in seen:  # 与 pandas 相同：重复的表头记作“备注.1”
                seen[name] += 1
                name = f"{name}.{seen[name]}"
            seen.setdefault(name, 0)
            header.append(name)
        rows = [[value(sheet.cell(i, j)) if j < sheet.row_len(i) else None for j in range(sheet.ncols)]
                for i in range(1, sheet.nrows)]
    finally:
        book.release_resources()
    return pd.DataFrame(rows, columns=header, dtype=object)


def _read_xlsx(path: Path, sheet_name) -> pd.DataFrame:
    """读 .xlsx/.xlsm：文件不完整（没下载完、被截断）时报中文错误，而不是 ``BadZipFile``。"""
    import openpyxl

    try:
        with open(path, "rb") as fh:  # 传文件对象：openpyxl 不看扩展名（有的 .xls 其实是 .xlsx）
            book = openpyxl.load_workbook(fh, read_only=True)
            names = list(book.sheetnames)
            book.close()
    except (OSError, MemoryError):
        raise
    except Exception as exc:  # BadZipFile、KeyError（缺少部件）、openpyxl 的 InvalidFileException ……
        raise RuralfinValueError(
            f"文件 {path.name} 不是完整的 Excel 文件（可能没有下载完或已损坏：{type(exc).__name__}）；"
            "请重新导出，或用 Excel 打开后另存为 .xlsx 或 .csv") from None
    index = _pick_sheet(names, sheet_name, path)
    try:
        return pd.read_excel(path, sheet_name=index, dtype=object, engine="openpyxl")
    except (OSError, MemoryError):
        raise
    except Exception as exc:
        raise RuralfinValueError(
            f"无法读取 Excel 文件 {path.name} 的工作表 {names[index]!r}（{type(exc).__name__}：{exc}）；"
            "文件可能已损坏，请重新导出") from None


def _unique_headers(names: list[str]) -> list[str]:
    """与 pandas 相同的表头规则：空表头记作“Unnamed: 序号”，重复的记作“备注.1”“备注.2”。"""
    out: list[str] = []
    seen: dict[str, int] = {}
    for j, name in enumerate(names):
        name = f"Unnamed: {j}" if name == "" else name
        base = name
        while name in seen:
            seen[base] += 1
            name = f"{base}.{seen[base]}"
        seen.setdefault(name, 0)
        out.append(name)
    return out


def _read_csv(path: Path) -> pd.DataFrame:
    """CSV 全部按文本读入，空格子是空串（与 ``pd.read_csv(dtype=str, keep_default_na=False)`` 相同）。

    用 pyarrow 的 CSV 读取器：峰值内存约为文件的 2 倍（pandas 自己的读取器要 5–8 倍），也快得多。
    编码依次试 UTF-8（可带 BOM）与 GB18030（兼容 GBK）。各行字段数与表头不一致的文件交给 pandas 读
    （短行补空，与以前相同）。
    """
    import csv

    import pyarrow as pa
    import pyarrow.csv as pacsv

    for enc in ("utf-8-sig", "gb18030"):
        try:
            with open(path, encoding=enc, newline="") as fh:
                header = next(csv.reader(fh), None)
        except UnicodeDecodeError:
            continue
        except csv.Error as exc:
            raise RuralfinValueError(f"文件 {path.name} 的表头不是合法的 CSV（{exc}）；请检查引号是否成对") from None
        if header is None:
            raise RuralfinValueError(f"文件 {path.name} 里没有内容（没有表头）；请检查是否导出了空表")
        try:
            table = pacsv.read_csv(
                path,
                read_options=pacsv.ReadOptions(encoding="utf8" if enc == "utf-8-sig" else enc),
                parse_options=pacsv.ParseOptions(newlines_in_values=True),
                convert_options=pacsv.ConvertOptions(
                    column_types={name: pa.string() for name in header}, strings_can_be_null=False,
                    quoted_strings_can_be_null=False, null_values=[]),
            )
        except pa.ArrowInvalid as exc:
            msg = str(exc)
            if "UTF8" in msg or "UTF-8" in msg:
                continue  # 不是 UTF-8：换 GB18030 再试
            if "Empty CSV file" in msg:
                raise RuralfinValueError(f"文件 {path.name} 里没有内容（没有表头）；请检查是否导出了空表") from None
            if "columns, got" in msg:
                return _read_ragged_csv(path, enc, header)
            raise RuralfinValueError(f"文件 {path.name} 不是能识别的 CSV（{msg}）") from None
        for j, field in enumerate(table.schema):
            if pa.types.is_binary(field.type) or pa.types.is_large_binary(field.type):
                break  # 有的格子不是这种编码
            if field.type != pa.string():
                table = table.set_column(j, field.name, table.column(j).cast(pa.string()))
        else:
            table = table.rename_columns(_unique_headers([str(n) for n in table.column_names]))
            # 保持 pyarrow 的紧凑文本（32 位偏移），比 pandas 的 str 列省约三成内存；逐列校验时再换成 str
            return table.to_pandas(self_destruct=True, split_blocks=True, types_mapper=pd.ArrowDtype)
    raise RuralfinValueError(f"无法识别文件 {path.name} 的编码；请另存为 UTF-8 或 GBK 编码的 CSV")


def _read_ragged_csv(path: Path, enc: str, header: list[str]) -> pd.DataFrame:
    """各行字段数不一的 CSV：字段比表头少的行补空（与 pandas 相同）；有行字段比表头多时报中文错误
    （pandas 会悄悄把第一列当成行索引，整张表错位）。"""
    import pyarrow as pa
    import pyarrow.csv as pacsv

    long_rows: list = []

    def note(row) -> str:
        if row.actual_columns > row.expected_columns:
            long_rows.append(row.number)
        return "skip"

    pacsv.read_csv(
        path, read_options=pacsv.ReadOptions(encoding="utf8" if enc == "utf-8-sig" else enc, use_threads=False),
        parse_options=pacsv.ParseOptions(newlines_in_values=True, invalid_row_handler=note),  # 单线程才有行号
        convert_options=pacsv.ConvertOptions(column_types={name: pa.large_string() for name in header}))
    if long_rows:
        where = "、".join(f"第 {n} 行" for n in long_rows[:5] if n is not None)
        raise RuralfinValueError(
            f"文件 {path.name} 有 {len(long_rows)} 行的字段比表头多（{where or '行号未知'}）；常见原因是金额或备注里有"
            "未加引号的逗号，请在 Excel 里打开后另存为 CSV")
    return pd.read_csv(path, dtype=str, encoding=enc, keep_default_na=False, index_col=False)


def _read_raw(path: Path, sheet_name) -> pd.DataFrame:
    suffix = path.suffix.lower()
    if suffix == ".xls":
        with open(path, "rb") as fh:
            magic = fh.read(8)
        if magic.startswith(b"\xd0\xcf\x11\xe0"):  # Excel 97-2003（OLE2 复合文档）
            return _read_xls(path, sheet_name)
        if not magic.startswith(b"PK"):  # 不是 .xlsx 改了扩展名
            raise RuralfinValueError(
                f"文件 {path.name} 不是真正的 Excel 文件（有些系统导出的 .xls 其实是网页或文本）；"
                "请用 Excel 打开后另存为 .xlsx 或 .csv")
    if suffix in (".xlsx", ".xlsm", ".xls"):
        return _read_xlsx(path, sheet_name)
    if suffix in (".csv", ".txt", ""):
        return _read_csv(path)
    if suffix == ".parquet":
        try:
            return pd.read_parquet(path)
        except (OSError, MemoryError):
            raise
        except Exception as exc:  # pyarrow 的 ArrowInvalid 等：文件不完整或不是 parquet
            raise RuralfinValueError(
                f"文件 {path.name} 不是完整的 parquet 文件（可能没有复制完或已损坏：{type(exc).__name__}）；"
                "请重新导出") from None
    raise RuralfinValueError(f"不支持的文件类型 {suffix!r}（{path.name}）；支持 .csv、.xlsx、.xls、.parquet")


def read_table(path: str | os.PathLike, table: str, *, columns: Mapping | str | os.PathLike | None = None,
               amount_unit: str | Mapping | None = None, sheet_name: Any = 0) -> pd.DataFrame:
    """读入银行自己的导出文件（CSV 或 Excel），按示范县同名表的结构校验并转换类型。

    CSV 的编码自动识别：UTF-8、带 BOM 的 UTF-8、GBK/GB18030。表头可以是英文列名、
    中文显示名，或用 ``columns`` 对应的本行叫法；其余规则见 :func:`validate_table`。

    Parameters
    ----------
    path : str or Path
        文件路径（``.csv``、``.xlsx``、``.xls``、``.parquet``）。``.xls`` 用 xlrd 读。
    table : str
        对应示范县的哪张表，如 ``"loans"``；结构见 :func:`describe_dataset`。
    columns : dict or str or Path, optional
        本行表头到课程列名的对应：字典 ``{"借据号": "loan_id"}``，或用
        :func:`mapping_template` 生成、填好的列名对照表（CSV）的路径。
    amount_unit : {"元", "万元"} or dict, optional
        以万元计的列在文件里的单位；``"元"`` 时读入除以 10000。不给时金额看起来是元会报问题。
    sheet_name : str or int, default 0
        Excel 的工作表。

    Returns
    -------
    DataFrame
        与 :func:`load_dataset` 同样类型的新表；课程结构以外的列原样保留在最后（并发出
        :class:`~ruralfin.errors.RuralfinWarning`）；字母数字混排的编号保留为文本。

    Raises
    ------
    SchemaError
        一次列出文件里的全部问题（缺列、类型不对、负金额、金额像是元、未来日期、不认识的类别……），
        列名写成“中文名（英文列名）”。
    RuralfinValueError
        文件不存在、是文件夹、是空的（0 字节）、不完整（没下载完的 Excel、损坏的 parquet）、没有读权限、
        格式或编码不支持、读 ``.xls`` 缺少 xlrd、``columns`` 或 ``amount_unit`` 写错。

    Notes
    -----
    CSV 用 pyarrow 的读取器全部按文本读入（空格子是空值），峰值内存约为文件的 2.5 倍。
    空格子、“NA”“null”等一律算缺失：必填列里有就报问题；``inf``、``1e309`` 之类不是有限的数，也报问题。

    文本列（名称、身份证号等）去掉首尾空白，但有一个例外：去掉开头的空白（制表符、回车）后会以
    ``= + - @`` 开头的值，开头的空白保留原样；以单引号 ``'`` 开头的值也原样保留（单引号不拆掉）。
    这两种前缀都是导出时为防止 Excel 把文字当成公式执行而加的（见 :func:`export_excel`），拆掉会让它
    重新变成公式。所以 ``export_excel`` 写出的 ``'=1+1`` 读回来仍是 ``'=1+1``，再导出也不会多加引号。

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from ruralfin.datasets import read_table, load_dataset, write_csv
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> p = write_csv(load_dataset("industry_coefficients"), d / "coef.csv")
    >>> read_table(p, "industry_coefficients").shape
    (17, 5)

    本行导出：表头叫法不同、借据号带字母、金额以元计：

    >>> import pandas as pd
    >>> export = pd.DataFrame({"借据号": ["JJ2024000123", "JJ2024000124"], "客户号": [101, 102],
    ...                        "保证人": [205, 206], "担保金额（元）": [300000, 150000],
    ...                        "保证人关系": ["互保/联保", "亲属"]})
    >>> p = d / "担保.csv"
    >>> export.to_csv(p, index=False, encoding="gbk")
    >>> g = read_table(p, "guarantees", columns={"借据号": "loan_id", "客户号": "entity_id",
    ...                "保证人": "guarantor_id"}, amount_unit="元")
    >>> g[["loan_id", "guarantee_amount", "guarantor_relation"]]
            loan_id  guarantee_amount guarantor_relation
    0  JJ2024000123              30.0             mutual
    1  JJ2024000124              15.0           relative
    >>> read_table(p, "guarantees", columns={"借据号": "loan_id", "客户号": "entity_id",
    ...            "保证人": "guarantor_id"})
    Traceback (most recent call last):
    ...
    ruralfin.errors.SchemaError: 表 guarantees（文件 担保.csv） 有 1 个问题：
      1. 列 担保金额（guarantee_amount）的表头写明单位是元，课程按万元计；如确是元，请传入 amount_unit="元"...
    """
    _schema.get_table(table)
    if not isinstance(path, (str, os.PathLike)):
        raise RuralfinTypeError(f"path 应为文件路径（字符串或 Path），实际是 {type(path).__name__}")
    p = Path(path)
    if p.is_dir():
        raise RuralfinValueError(f"{p} 是一个文件夹，不是文件；请给出文件夹里那个导出文件的路径")
    if not p.is_file():
        raise RuralfinValueError(f"找不到文件 {p}")
    try:
        if p.stat().st_size == 0:
            raise RuralfinValueError(f"文件 {p.name} 是空的（0 字节）；可能导出没有完成，请重新导出")
        raw = _read_raw(p, sheet_name)
    except PermissionError:
        raise RuralfinValueError(f"没有权限读取文件 {p}；请检查文件权限，或先把它复制到自己的文件夹") from None
    except OSError as exc:
        raise RuralfinValueError(f"无法读取文件 {p}：{exc.strerror or exc}") from None
    return _validate(raw, table, columns=columns, amount_unit=amount_unit, source=p.name, stacklevel=2, consume=True)


