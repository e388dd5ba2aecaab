"""中文显示名的唯一登记处（label registry）。

课程里所有给人看的中文列名、单位、含义和类别取值名都登记在这里；
表格经 :func:`to_display` 换成中文后展示，画图函数从这里取轴标题和图例。
数据字典（``rf.describe_dataset``、``data/README.md``）也由这里生成。

登记方式：在本包内新建 ``_主题.py``（如 ``_county.py``、``_risk.py``），
定义 ``FIELDS = [Field(...), ...]``（列与类别取值）和 ``TEXTS = {"键": "文字", ...}``
（图表标题、图例、坐标轴说明、表格里的说明文字等其他显示文字，用 :func:`text` 取）。
本包第一次被查询时自动收集所有这样的模块；同一列名或同一个键被两处登记成不同的说法
会直接报错，避免口径打架。

文字的键用“主题.用途”的写法，如 ``"monitoring.vintage_title"``；可以带 ``{占位}``，
``text("approval.cutoff_note", cutoff=600)`` 时填入。

Examples
--------
>>> from ruralfin import labels
>>> labels.label("prob_default")
'违约概率'
>>> labels.value_label("outcome", "correct")
'正确'
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

import pandas as pd

from .._validation import check_instance
from ..errors import RuralfinTypeError, RuralfinValueError

__all__ = ["Field", "get", "label", "value_label", "text", "texts", "to_display", "fields", "is_registered",
           "pii_kind", "pii_columns"]

PII_KINDS = ("id_number", "credit_code", "phone", "bank_card", "person_name")


@dataclass(frozen=True)
class Field:
    """一列的中文说明。

    Parameters
    ----------
    name : str
        英文列名（代码里用的名字）。
    label : str
        中文显示名。
    unit : str, optional
        单位，如 ``"万元"``、``"天"``、``"%"``；无单位留空。
    meaning : str, optional
        一两句话的含义，进入数据字典。
    values : mapping, optional
        类别编码到中文名的映射，如 ``{"coop": "农村合作社"}``。
    pii : str, optional
        个人信息类型（``"id_number"``、``"credit_code"``、``"phone"``、
        ``"bank_card"``、``"person_name"``）：:func:`to_display` 默认遮蔽这类列。
    table : str, optional
        只对某张表生效的说明（同名列在不同表里含义不同时用）。
    """

    name: str
    label: str
    unit: str = ""
    meaning: str = ""
    values: Mapping[str, str] = field(default_factory=dict)
    pii: str | None = None
    table: str | None = None

    def __post_init__(self):
        if self.pii is not None and self.pii not in PII_KINDS:
            raise RuralfinValueError(f"Field {self.name} 的 pii={self.pii!r} 不认识，可选：{PII_KINDS}")
        object.__setattr__(self, "values", MappingProxyType(dict(self.values)))

    @property
    def display(self) -> str:
        """带单位的显示名，如 ``贷款余额（万元）``。"""
        return f"{self.label}（{self.unit}）" if self.unit else self.label


_registry: dict[tuple[str | None, str], Field] | None = None


def _load() -> dict[tuple[str | None, str], Field]:
    global _registry
    if _registry is not None:
        return _registry
    reg: dict[tuple[str | None, str], Field] = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        if not info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        for f in getattr(module, "FIELDS", ()):
            key = (f.table, f.name)
            old = reg.get(key)
            if old is not None and old != f:
                where = f"表 {f.table} 的" if f.table else ""
                raise RuralfinValueError(
                    f"{where}列 {f.name} 被登记了两种说法：{old.label!r} 与 {f.label!r}"
                    f"（见 labels/{info.name}.py），请统一口径"
                )
            reg[key] = f
    _registry = reg
    return reg


_texts: dict[str, str] | None = None


def texts() -> Mapping[str, str]:
    """全部登记的显示文字（键 -> 文字），只读。

    >>> "decisions.approval_rate_axis" in texts()
    True
    """
    global _texts
    if _texts is None:
        reg: dict[str, str] = {}
        for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
            if not info.name.startswith("_"):
                continue
            module = importlib.import_module(f"{__name__}.{info.name}")
            for key, value in getattr(module, "TEXTS", {}).items():
                if key in reg and reg[key] != value:
                    raise RuralfinValueError(f"显示文字 {key!r} 被登记了两种说法：{reg[key]!r} 与 {value!r}"
                                             f"（见 labels/{info.name}.py）")
                reg[key] = value
        _texts = reg
    return MappingProxyType(_texts)


def text(key: str, **values: Any) -> str:
    """取一段登记过的显示文字（图表标题、图例等），``values`` 填入其中的 ``{占位}``。

    Examples
    --------
    >>> from ruralfin import labels
    >>> labels.text("theme.missing_key_example", n=3)
    '示例：共 3 项'
    >>> labels.text("no.such.key")
    Traceback (most recent call last):
    ...
    ruralfin.errors.RuralfinValueError: 没有登记显示文字 'no.such.key'；请在 ruralfin/labels/ 的 TEXTS 里登记
    """
    if not isinstance(key, str):
        raise RuralfinTypeError(f"显示文字的键应为字符串，实际是 {type(key).__name__}")
    table = texts()
    if key not in table:
        import difflib

        close = difflib.get_close_matches(key, list(table), n=3)
        hint = f"（是不是 {'、'.join(close)}？）" if close else "；请在 ruralfin/labels/ 的 TEXTS 里登记"
        raise RuralfinValueError(f"没有登记显示文字 {key!r}{hint}")
    template = table[key]
    if not values:
        return template
    try:
        return template.format(**values)
    except (KeyError, IndexError) as exc:
        raise RuralfinValueError(f"显示文字 {key!r} 需要填入 {exc}：{template!r}") from None


def _only_table_specific(name: str) -> Field | None:
    """没有通用说明、只在若干表里登记过的列：各表说法一致（中文名与单位相同）时返回其一。"""
    found = [f for (t, n), f in _load().items() if n == name and t is not None]
    if found and len({(f.label, f.unit) for f in found}) == 1:
        return found[0]
    return None


def is_registered(name: str, *, table: str | None = None) -> bool:
    """``name`` 是否已登记（先查表专属说明，再查通用说明，最后查各表一致的专属说明）。

    >>> is_registered("loan_amount"), is_registered("no_such_column")
    (True, False)
    """
    reg = _load()
    check_instance(table, str, "table", allow_none=True)
    if not isinstance(name, str):
        return False
    return (table, name) in reg or (None, name) in reg or _only_table_specific(name) is not None


def get(name: str, *, table: str | None = None) -> Field:
    """取一列的 :class:`Field`；找不到时报中文错误并提示相近的名字。

    >>> get("prob_default").label
    '违约概率'
    >>> get("prob_defualt")
    Traceback (most recent call last):
    ...
    ruralfin.errors.RuralfinValueError: 标签登记处没有列 'prob_defualt'；是不是：prob_default...
    """
    reg = _load()
    check_instance(table, str, "table", allow_none=True)
    if not isinstance(name, str):
        raise RuralfinTypeError(f"列名应为字符串，实际是 {type(name).__name__}：{name!r}")
    if table is not None and (table, name) in reg:
        return reg[(table, name)]
    if (None, name) in reg:
        return reg[(None, name)]
    only = _only_table_specific(name)
    if only is not None:
        return only
    import difflib

    close = difflib.get_close_matches(name, sorted({n for _, n in reg}), n=3)
    hint = f"；是不是：{'、'.join(close)}？" if close else "；请在 ruralfin/labels/ 里登记"
    raise RuralfinValueError(f"标签登记处没有列 {name!r}{hint}")


def label(name: str, *, table: str | None = None, unit: bool = True, default: str | None = None) -> str:
    """列的中文显示名；``unit=True`` 时带单位。未登记时返回 ``default``（默认原名）。

    >>> label("loan_amount")
    '贷款金额（万元）'
    >>> label("loan_amount", unit=False)
    '贷款金额'
    >>> label("no_such_column")
    'no_such_column'
    """
    if not isinstance(name, str) or not is_registered(name, table=table):
        return str(name) if default is None else default
    f = get(name, table=table)
    return f.display if unit else f.label


def value_label(name: str, code: Any, *, table: str | None = None) -> str:
    """类别编码的中文名；未登记的编码原样返回（转成字符串）。

    >>> value_label("outcome", "unanswered")
    '未作答'
    """
    if not is_registered(name, table=table):
        return str(code)
    return get(name, table=table).values.get(code, str(code))


def fields(table: str | None = None) -> pd.DataFrame:
    """列出已登记的说明（``table=None`` 时为全部通用说明）。

    >>> fields("loans").columns.tolist()
    ['column', 'label', 'unit', 'meaning', 'table']
    """
    check_instance(table, str, "table", allow_none=True)
    rows = [
        {"column": f.name, "label": f.label, "unit": f.unit, "meaning": f.meaning, "table": f.table}
        for (t, _), f in sorted(_load().items(), key=lambda kv: (kv[0][0] or "", kv[0][1]))
        if table is None or t == table or t is None
    ]
    return pd.DataFrame(rows, columns=["column", "label", "unit", "meaning", "table"])


def _map_values(s: pd.Series, mapping: Mapping[str, str]) -> pd.Series:
    if isinstance(s.dtype, pd.CategoricalDtype):
        cats = list(s.cat.categories)
        new = [mapping.get(c, c) for c in cats]
        if len(set(new)) == len(new):
            return s.cat.rename_categories(new)
    if pd.api.types.is_bool_dtype(s.dtype) or pd.api.types.is_numeric_dtype(s.dtype):
        if not all(isinstance(k, (bool, int)) for k in mapping):
            return s
        if pd.api.types.is_bool_dtype(s.dtype):  # 可空布尔列：NA 保持为空，其余换成中文
            return pd.Series([v if _is_missing(v) else mapping.get(bool(v), v) for v in s], index=s.index,
                             name=s.name, dtype="object").astype("str").where(s.notna())
    return s.map(lambda v: v if _is_missing(v) else mapping.get(v, v))


def _is_missing(v: Any) -> bool:
    try:
        return bool(pd.isna(v))
    except (TypeError, ValueError):  # 列表等不是标量的值
        return False


# ---------------------------------------------------------------- 个人信息：按列名与内容认出来
#: 合并（merge/join）给重名列加的后缀：operator_phone_x、operator_phone_right、身份证号.1
_MERGE_SUFFIX = re.compile(r"(?:_(?:x|y|left|right|l|r|old|new|\d+)|\.\d+)$", re.IGNORECASE)
#: 没有登记的列名里，这些写法说明是个人信息（按顺序，先符合的算数）
_PII_NAME_PATTERNS = (
    ("id_number", re.compile(r"身份证|证件号|(?:^|_)(?:id_?(?:number|no|num|card)|identity_?(?:number|no|card)?|sfz)"
                             r"(?:_|$)", re.IGNORECASE)),
    ("credit_code", re.compile(r"信用代码|(?:^|_)(?:credit_?code|uscc)(?:_|$)", re.IGNORECASE)),
    ("bank_card", re.compile(r"银行卡|卡号|银行账号|(?:^|_)(?:bank_?card|bank_?account|card_?(?:no|number|num)"
                             r"|account_?(?:no|number|num))(?:_|$)", re.IGNORECASE)),
    ("phone", re.compile(r"手机|电话|联系方式|(?:^|_)(?:phone|mobile|tel|telephone|cellphone)(?:_|$)", re.IGNORECASE)),
    ("person_name", re.compile(r"姓名|联系人|(?:^|_)(?:person|operator|guarantor|borrower|manager|contact|spouse"
                               r"|applicant|owner|customer|legal_?person|officer)_?name(?:_|$)", re.IGNORECASE)),
)
#: 列名里有这些字样的是统计量或标志（“手机号个数”“是否有电话”“phone_count”），不是个人信息本身
_NOT_PII_NAME = re.compile(r"count|(?:^|_)(?:n|has|is|num_of)_|_(?:n|rate|share|ratio|flag|verified|tier|score|days|age)$"
                           r"|个数|户数|人数|笔数|率|占比|档次|是否|核验|验证|天数|得分", re.IGNORECASE)
_label_pii: dict[str, str | None] | None = None


def _labels_to_pii() -> dict[str, str | None]:
    """登记过的中文名（带或不带单位）-> 个人信息类型（不是个人信息为 None）。"""
    global _label_pii
    if _label_pii is None:
        out: dict[str, str | None] = {}
        for f in _load().values():
            for key in (f.label, f.display):
                out[key] = f.pii if out.get(key) is None else out[key]
        _label_pii = out
    return _label_pii


def _name_kind(name: Any, table: str | None) -> tuple[str | None, bool]:
    """(列名说明的个人信息类型, 这一列是否登记过类别取值)。"""
    if not isinstance(name, str):
        return None, False
    base = name.strip()
    candidates = [base]
    while _MERGE_SUFFIX.search(candidates[-1]) and len(candidates) < 4:
        candidates.append(_MERGE_SUFFIX.sub("", candidates[-1]))
    lab = _labels_to_pii()
    for cand in candidates:
        if cand and is_registered(cand, table=table):  # 登记处说了算
            f = get(cand, table=table)
            return f.pii, bool(f.values)
        if cand in lab:
            return lab[cand], False
    for cand in candidates:
        if not cand or _NOT_PII_NAME.search(cand):
            continue
        for kind, pattern in _PII_NAME_PATTERNS:
            if pattern.search(cand):
                return kind, False
    return None, False


def pii_kind(name: Any, *, table: str | None = None) -> str | None:
    """按列名判断一列是哪类个人信息（``"id_number"``、``"credit_code"``、``"phone"``、``"bank_card"``、
    ``"person_name"``），不是时返回 ``None``。

    先查登记处（登记为个人信息的列，以及它们的中文名）；合并留下的后缀（``_x``、``_y``、``_left``、
    ``.1``）去掉再查；没有登记的列名按常见叫法认（身份证号、证件号码、id_number、手机号、联系电话、
    银行卡号、姓名……），“个数”“是否”“占比”之类统计量的列名不算。

    Examples
    --------
    >>> pii_kind("operator_phone"), pii_kind("operator_phone_x"), pii_kind("经营者身份证号")
    ('phone', 'phone', 'id_number')
    >>> pii_kind("身份证号"), pii_kind("证件号码"), pii_kind("id_number"), pii_kind("手机号")
    ('id_number', 'id_number', 'id_number', 'phone')
    >>> pii_kind("loan_amount") is None, pii_kind("手机号个数") is None, pii_kind("device_tier") is None
    (True, True, True)
    """
    check_instance(table, str, "table", allow_none=True)
    return _name_kind(name, table)[0]


def _axis_kinds(index: pd.Index, table: str | None) -> list[str | None]:
    """索引（或列标签）每一层像哪类个人信息：层名说了算，层名不认识时看取值。"""
    from .. import privacy

    kinds = []
    for level in range(index.nlevels):
        name = index.names[level]
        kind, coded = _name_kind(name, table)
        if kind is None and not coded:
            values = index.get_level_values(level)
            if not isinstance(values, pd.RangeIndex):
                kind = privacy.guess_pii_kind(pd.Series(values, dtype=values.dtype))
        kinds.append(kind)
    return kinds


def _mask_axis(index: pd.Index, kinds: list[str | None]) -> pd.Index:
    from .. import privacy

    if not any(kinds):
        return index
    arrays = []
    for level, kind in enumerate(kinds):
        values = index.get_level_values(level)
        if kind is not None:
            values = pd.Index(privacy.mask_series(pd.Series(values, dtype=values.dtype), kind).to_numpy(dtype=object),
                              dtype="object")
        arrays.append(values)
    if index.nlevels == 1:
        return pd.Index(arrays[0], name=index.name)
    return pd.MultiIndex.from_arrays(arrays, names=index.names)


def _column_kinds(df: pd.DataFrame, table: str | None) -> dict[int, str]:
    """{列的位置: 个人信息类型}：列名说明的（登记处、改过名、带合并后缀），或取值看起来像的。"""
    from .. import privacy

    out: dict[int, str] = {}
    for j, col in enumerate(df.columns):
        kind, coded = _name_kind(col, table)
        if kind is None and not coded:
            kind = privacy.guess_pii_kind(df.iloc[:, j])
        if kind is not None:
            out[j] = kind
    return out


def _masking(mask: Any) -> bool:
    """只有明确的 ``mask=False`` 才不遮蔽（``None``、``0`` 之类一律照常遮蔽）。"""
    return not (mask is False or (type(mask).__name__ == "bool_" and not bool(mask)))


def pii_columns(df: pd.DataFrame | pd.Series, *, table: str | None = None) -> list:
    """:func:`to_display` 会遮蔽的列名与索引层名（没有名字的索引记作“行索引”“列标签”）。

    要遮蔽的：登记为个人信息的列（见 :func:`pii_kind`，含改过名、带合并后缀的），取值看起来是
    身份证号、统一社会信用代码、手机号或银行卡号的列（见 :func:`ruralfin.privacy.guess_pii_kind`，
    列名不认识也算），以及这样的行索引（含多层索引的某一层）和列标签。

    >>> import pandas as pd
    >>> pii_columns(pd.DataFrame({"operator_phone_x": ["10012345678"], "amount": [1.0]}))
    ['operator_phone_x']
    """
    if isinstance(df, pd.Series):
        df = df.to_frame()
    if not isinstance(df, pd.DataFrame):
        raise RuralfinTypeError(f"pii_columns 需要 DataFrame 或 Series，实际是 {type(df).__name__}")
    check_instance(table, str, "table", allow_none=True)
    found = [df.columns[j] for j in _column_kinds(df, table)]
    for axis, what in ((df.index, "行索引"), (df.columns, "列标签")):
        for level, kind in enumerate(_axis_kinds(axis, table)):
            if kind is not None:
                found.append(axis.names[level] if axis.names[level] is not None else what)
    return found


def to_display(
    df: pd.DataFrame | pd.Series,
    *,
    table: str | None = None,
    mask: bool = True,
    units: bool = True,
    values: bool = True,
    rename: Mapping[str, str] | None = None,
    names: bool = True,
) -> pd.DataFrame | pd.Series:
    """返回一份供展示的副本：列名换成中文、类别编码换成中文、身份信息遮蔽。

    Parameters
    ----------
    df : DataFrame or Series
        要展示的表，不会被修改。
    table : str, optional
        表名，用于取表专属的列说明。
    mask : bool, default True
        遮蔽个人信息（身份证号、统一社会信用代码、手机号、银行卡号、姓名），哪些列见 :func:`pii_columns`：
        登记过的、改过名的、带合并后缀的列，取值看起来像的列，行索引与多层索引里的这类层。
        只有明确传入 ``mask=False`` 才不遮蔽（``None``、``0`` 照常遮蔽）。
    units : bool, default True
        列名后带单位，如 ``贷款金额（万元）``。
    values : bool, default True
        把类别编码换成中文名。
    rename : mapping, optional
        临时覆盖个别列的显示名。
    names : bool, default True
        ``False`` 时列名、索引名保持原样（只遮蔽个人信息、按 ``values`` 换取值），
        如 ``to_display(df, values=False, names=False)`` 只遮蔽。

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"outcome": ["correct", "wrong"], "loan_amount": [12.5, 30.0]})
    >>> to_display(df)
      结果  贷款金额（万元）
    0  正确       12.5
    1  有误       30.0
    >>> list(df.columns)  # 原表不变
    ['outcome', 'loan_amount']
    """
    check_instance(table, str, "table", allow_none=True)
    check_instance(rename, Mapping, "rename", allow_none=True)
    if isinstance(df, pd.Series):
        shown = to_display(df.to_frame(), table=table, mask=mask, units=units, values=values, rename=rename,
                           names=names).iloc[:, 0]
        if df.name is None:
            shown.name = None
        return shown
    if not isinstance(df, pd.DataFrame):
        raise RuralfinTypeError(f"to_display 需要 DataFrame 或 Series，实际是 {type(df).__name__}")
    from .. import privacy

    masking = _masking(mask)
    rename = dict(rename or {})
    out = df.copy()
    kinds = _column_kinds(df, table) if masking else {}
    for j, col in enumerate(df.columns):
        if j in kinds:
            out.isetitem(j, privacy.mask_series(df.iloc[:, j], kinds[j]))
        elif values and isinstance(col, str) and is_registered(col, table=table):
            f = get(col, table=table)
            if f.values:
                out.isetitem(j, _map_values(df.iloc[:, j], f.values))
    if names:
        headers = {
            c: rename.get(c, label(c, table=table, unit=units)) for c in df.columns if isinstance(c, str)
        }
        out = out.rename(columns=headers)
        col_axis = df.columns.name
        if (values and isinstance(col_axis, str) and is_registered(col_axis, table=table)
                and get(col_axis, table=table).values):
            mapping = get(col_axis, table=table).values
            out.columns = pd.Index([mapping.get(c, c) for c in df.columns], name=label(col_axis, table=table, unit=units))
        idx_names = [
            rename.get(n, label(n, table=table, unit=units)) if isinstance(n, str) else n for n in out.index.names
        ]
        out.index = out.index.set_names(idx_names)
    if values:
        for level, name in enumerate(df.index.names):
            if isinstance(name, str) and is_registered(name, table=table) and get(name, table=table).values:
                mapping = get(name, table=table).values
                if out.index.nlevels == 1:
                    out.index = pd.Index([mapping.get(v, v) for v in out.index], name=out.index.name)
                else:
                    out.index = out.index.set_levels(
                        [mapping.get(v, v) for v in out.index.levels[level]], level=level, verify_integrity=False
                    )
    if masking:
        out.index = _mask_axis(out.index, _axis_kinds(df.index, table))
        out.columns = _mask_axis(out.columns, _axis_kinds(df.columns, table))
    return out
