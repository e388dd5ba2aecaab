"""个人信息保护：身份证号与统一社会信用代码的校验、合成号码的生成、展示时的遮蔽。

- 18 位公民身份号码（GB 11643—1999）：6 位地址码 + 8 位出生日期 + 3 位顺序码 +
  1 位校验码；校验码按 ISO 7064 MOD 11-2 计算（权重 ``2^(17-i) mod 11``）。
- 统一社会信用代码（GB 32100—2015）：登记管理部门码 + 机构类别码 + 6 位行政区划码 +
  9 位主体标识码 + 1 位校验码；31 个字符（不用 I、O、S、V、Z），权重 ``3^i mod 31``。
  早期试点地区有少数合法代码不满足该校验，生产中的校验器需留例外名单。

示范县里的号码都是 **合成的**：地址码/行政区划码以未分配的省级代码 ``99`` 开头，
手机号以 ``100`` 开头（不是任何运营商的号段），姓名带“演示·”前缀，
所以校验位虽然正确，却不可能属于真实的人或单位。

遮蔽（masking）是本课程的 **展示约定**，不是标准原文：JR/T 0171—2020 附录 A
“信息屏蔽”的确切规则未能核实。课程采用常见做法：身份证号保留前 6 位和后 4 位，
手机号保留前 3 位和后 4 位，银行卡号保留前 6 位和后 4 位，统一社会信用代码保留前
8 位和校验位，姓名只留姓。

Examples
--------
>>> from ruralfin import privacy
>>> privacy.id_check_digit("11010119900101123")
'7'
>>> privacy.is_valid_credit_code("92330100MA0000001C")
True
>>> privacy.mask_value("13812345678", "phone")
'138****5678'
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np
import pandas as pd

from ._validation import check_choice, check_instance, check_int, check_number
from .errors import RuralfinTypeError, RuralfinValueError

__all__ = [
    "id_check_digit",
    "credit_code_check_char",
    "is_valid_id_number",
    "is_valid_credit_code",
    "mask_value",
    "mask_series",
    "is_mobile_number",
    "is_valid_bank_card",
    "pii_kinds",
    "guess_pii_kind",
    "generate_id_numbers",
    "generate_credit_codes",
    "generate_phone_numbers",
    "MASK_KINDS",
]

MASK_KINDS = ("id_number", "credit_code", "phone", "bank_card", "person_name")

_ID_WEIGHTS = np.array([pow(2, 17 - i, 11) for i in range(17)], dtype=np.int64)  # 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2
_ID_CHECK = "10X98765432"
_CC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CC_VALUE = {c: i for i, c in enumerate(_CC_CHARS)}
_CC_WEIGHTS = np.array([pow(3, i, 31) for i in range(17)], dtype=np.int64)  # 1 3 9 27 19 26 16 ...
# 只认 ASCII 数字：``\d`` 还会匹配全角数字“１２３”，那不是合法的身份证号
_ID_RE = re.compile(r"^[0-9]{17}[0-9X]$")
_MOBILE_RE = re.compile(r"^(?:\+?86)?1[3-9][0-9]{9}$")
_CARD_RE = re.compile(r"^[0-9]{16,19}$")
_CC_RE = re.compile(r"^[0-9A-HJ-NPQRTUWXY]{18}$")


def id_check_digit(first17: str) -> str:
    """身份证号前 17 位对应的校验码（GB 11643，MOD 11-2）。

    Parameters
    ----------
    first17 : str
        17 位数字。

    Examples
    --------
    >>> id_check_digit("44030019851231004")
    '0'
    >>> id_check_digit("34052419800101001")
    'X'
    >>> id_check_digit("1234")
    Traceback (most recent call last):
    ...
    ruralfin.errors.RuralfinValueError: 身份证号前 17 位应为 17 个数字，实际是 '1234'
    """
    if not isinstance(first17, str):
        raise RuralfinTypeError(f"身份证号前 17 位应为字符串，实际是 {type(first17).__name__}")
    if len(first17) != 17 or not first17.isdigit():
        raise RuralfinValueError(f"身份证号前 17 位应为 17 个数字，实际是 {first17!r}")
    s = sum(int(d) * int(w) for d, w in zip(first17, _ID_WEIGHTS))
    return _ID_CHECK[s % 11]


def credit_code_check_char(first17: str) -> str:
    """统一社会信用代码前 17 位对应的校验字符（GB 32100）。

    Examples
    --------
    >>> credit_code_check_char("92330100MA0000001")
    'C'
    >>> credit_code_check_char("91110000MA0000003")
    'T'
    """
    if not isinstance(first17, str):
        raise RuralfinTypeError(f"统一社会信用代码前 17 位应为字符串，实际是 {type(first17).__name__}")
    if len(first17) != 17 or any(c not in _CC_VALUE for c in first17):
        raise RuralfinValueError(
            f"统一社会信用代码前 17 位应为 17 个合法字符（数字与除 I、O、S、V、Z 外的大写字母），实际是 {first17!r}"
        )
    s = sum(_CC_VALUE[c] * int(w) for c, w in zip(first17, _CC_WEIGHTS))
    return _CC_CHARS[(31 - s % 31) % 31]


def _as_series(values: Any, kind: str) -> tuple[pd.Series, bool]:
    if isinstance(values, str):
        return pd.Series([values], dtype="str"), True
    if isinstance(values, pd.Series):
        return values, False
    if isinstance(values, (list, tuple, np.ndarray, pd.Index)):
        return pd.Series(list(values), dtype="object"), False
    if values is None or (isinstance(values, float) and np.isnan(values)):
        return pd.Series([None], dtype="object"), True
    raise RuralfinTypeError(
        f"{ {'id_number': '身份证号', 'credit_code': '统一社会信用代码', 'phone': '手机号', 'bank_card': '银行卡号'}.get(kind, kind)}"
        f" 应为字符串或字符串序列（Series/列表），实际是 {type(values).__name__}")


def _as_text(s: pd.Series) -> pd.Series:
    """值 -> 去掉首尾空白的文本（缺失为空串）；数值列里的整数写成不带 ``.0`` 的数字。"""
    if len(s) == 0:
        return pd.Series([], index=s.index, dtype="str")
    if pd.api.types.is_bool_dtype(s.dtype):
        return pd.Series("", index=s.index, dtype="str")
    if pd.api.types.is_float_dtype(s.dtype):
        ok = s.notna() & np.isfinite(s.to_numpy(dtype="float64", na_value=np.nan))
        ok &= s.where(ok, 0).mod(1).eq(0)
        whole = s.where(ok, 0).astype("float64")
        text = pd.Series([f"{v:.0f}" for v in whole], index=s.index, dtype="str")
        return text.where(ok, "")
    text = s.astype("str").str.strip()
    return text.where(s.notna().to_numpy(), "")


def _char_matrix(s: pd.Series, width: int) -> np.ndarray:
    """等长 ASCII 字符串 -> (n, width) uint8 矩阵。"""
    b = np.array(s.tolist(), dtype=f"S{width}")
    return b.view(np.uint8).reshape(len(s), width)


def is_valid_id_number(values: Any) -> bool | pd.Series:
    """18 位身份证号是否合法：格式、出生日期和 GB 11643 校验码都要对。

    传入字符串返回 ``bool``；传入 Series/列表返回同索引的布尔 Series（缺失值为 False）。

    Examples
    --------
    >>> is_valid_id_number("110101199001011237")
    True
    >>> is_valid_id_number("110101199001011238")
    False
    >>> import pandas as pd
    >>> is_valid_id_number(pd.Series(["440300198512310040", "440300198513310040", None])).tolist()
    [True, False, False]
    """
    s, scalar = _as_series(values, "id_number")
    text = s.astype("str").where(s.notna(), "")
    fmt = text.str.fullmatch(_ID_RE).fillna(False).astype(bool).to_numpy()
    ok = fmt.copy()
    if fmt.any():
        sub = text[fmt]
        m = _char_matrix(sub, 18)
        digits = (m[:, :17] - 48).astype(np.int64)
        check = np.frombuffer(_ID_CHECK.encode(), dtype=np.uint8)[(digits @ _ID_WEIGHTS) % 11]
        good = check == m[:, 17]
        birth = pd.to_datetime(sub.str.slice(6, 14), format="%Y%m%d", errors="coerce")
        good &= birth.notna().to_numpy()
        ok[fmt] = good
    out = pd.Series(ok, index=s.index, name=getattr(s, "name", None))
    return bool(out.iloc[0]) if scalar else out


def is_valid_credit_code(values: Any) -> bool | pd.Series:
    """统一社会信用代码是否合法：18 位、字符集、GB 32100 校验字符。

    Examples
    --------
    >>> is_valid_credit_code("91110000MA0000003T")
    True
    >>> is_valid_credit_code("91110000MA0000003O")
    False
    >>> import pandas as pd
    >>> is_valid_credit_code(pd.Series(["92330100MA0000001C", "abc"])).tolist()
    [True, False]
    """
    s, scalar = _as_series(values, "credit_code")
    text = s.astype("str").where(s.notna(), "")
    fmt = text.str.fullmatch(_CC_RE).fillna(False).astype(bool).to_numpy()
    ok = fmt.copy()
    if fmt.any():
        m = _char_matrix(text[fmt], 18)
        lut = np.full(256, -1, dtype=np.int64)
        for i, c in enumerate(_CC_CHARS):
            lut[ord(c)] = i
        vals = lut[m]
        check = (31 - (vals[:, :17] @ _CC_WEIGHTS) % 31) % 31
        ok[fmt] = check == vals[:, 17]
    out = pd.Series(ok, index=s.index, name=getattr(s, "name", None))
    return bool(out.iloc[0]) if scalar else out


def is_mobile_number(values: Any) -> bool | pd.Series:
    """是否像中国大陆的 11 位手机号（``1`` 开头、第二位 3–9，可带 ``+86``/``86`` 前缀）。

    只看格式（号段会变，不逐个核对运营商）。示范县的合成号码以 ``100`` 开头，不算手机号。

    Examples
    --------
    >>> is_mobile_number("13812345678"), is_mobile_number("+8613812345678"), is_mobile_number("10012345678")
    (True, True, False)
    >>> import pandas as pd
    >>> is_mobile_number(pd.Series(["15900001111", "1590000111", None])).tolist()
    [True, False, False]
    """
    s, scalar = _as_series(values, "phone")
    text = _as_text(s)
    ok = text.str.fullmatch(_MOBILE_RE).fillna(False).astype(bool).to_numpy()
    out = pd.Series(ok, index=s.index, name=getattr(s, "name", None))
    return bool(out.iloc[0]) if scalar else out


def is_valid_bank_card(values: Any) -> bool | pd.Series:
    """是否像银行卡号：16–19 位数字，且通过 Luhn（模 10）校验。

    Examples
    --------
    >>> is_valid_bank_card("6222021234567890128"), is_valid_bank_card("6222021234567890123")
    (True, False)
    >>> import pandas as pd
    >>> is_valid_bank_card(pd.Series(["4111111111111111", "123", None])).tolist()
    [True, False, False]
    """
    s, scalar = _as_series(values, "bank_card")
    text = _as_text(s)
    fmt = text.str.fullmatch(_CARD_RE).fillna(False).astype(bool).to_numpy()
    ok = fmt.copy()
    if fmt.any():
        sub = text[fmt]
        for width in sorted(set(sub.str.len())):
            same = (sub.str.len() == width).to_numpy()
            digits = (_char_matrix(sub[same], width) - 48).astype(np.int64)[:, ::-1]  # 从右往左
            doubled = digits[:, 1::2] * 2
            total = digits[:, 0::2].sum(axis=1) + (doubled - 9 * (doubled > 9)).sum(axis=1)
            idx = np.flatnonzero(fmt)[same]
            ok[idx] = total % 10 == 0
    out = pd.Series(ok, index=s.index, name=getattr(s, "name", None))
    return bool(out.iloc[0]) if scalar else out


def pii_kinds(values: Any) -> pd.Series:
    """逐个值判断像哪一类个人信息：``"id_number"``（校验码正确的 18 位身份证号）、
    ``"credit_code"``（校验正确的统一社会信用代码）、``"phone"``（大陆手机号）、
    ``"bank_card"``（通过 Luhn 校验的 16–19 位卡号），都不像时为缺失。

    按这个顺序判断，先符合的算数（校验正确的身份证号不会再被当成卡号）。

    Examples
    --------
    >>> import pandas as pd
    >>> values = pd.Series(["110101199001011237", "92330100MA0000001C", "13812345678", "4111111111111111", "青禾镇"])
    >>> pii_kinds(values).tolist()
    ['id_number', 'credit_code', 'phone', 'bank_card', None]
    """
    s, _ = _as_series(values, "values")
    out = pd.Series([None] * len(s), index=s.index, dtype="object", name=getattr(s, "name", None))
    if len(s) == 0:
        return out
    text = _as_text(s)
    for kind, test in (("id_number", is_valid_id_number), ("credit_code", is_valid_credit_code),
                       ("phone", is_mobile_number), ("bank_card", is_valid_bank_card)):
        left = out.isna().to_numpy() & (text != "").to_numpy()
        if not left.any():
            break
        hit = test(text[left]).to_numpy()
        out.iloc[np.flatnonzero(left)[hit]] = kind
    return out


def guess_pii_kind(values: Any, *, min_share: float = 0.5, sample: int = 2000) -> str | None:
    """一列值整体像不像个人信息：非缺失值里至少 ``min_share`` 像同一类（见 :func:`pii_kinds`）时
    返回那一类，否则返回 ``None``。

    只看文本和整数（身份证号、手机号常被 Excel 存成数字）；值很多时均匀抽取 ``sample`` 个来判断。
    列名未登记、被改过名的个人信息列靠它发现。

    Examples
    --------
    >>> import pandas as pd
    >>> guess_pii_kind(pd.Series(["110101199001011237", "440300198512310040", None]))
    'id_number'
    >>> guess_pii_kind(pd.Series([13812345678, 15900001111]))
    'phone'
    >>> guess_pii_kind(pd.Series(["青禾镇", "13812345678", "稻香镇"])) is None
    True
    """
    min_share = check_number(min_share, "min_share", min_value=0, max_value=1)
    sample = check_int(sample, "sample", min_value=1)
    s, _ = _as_series(values, "values")
    if isinstance(s.dtype, pd.CategoricalDtype):
        s = pd.Series(s.cat.categories, dtype="object")
    dtype = s.dtype
    if pd.api.types.is_bool_dtype(dtype) or not (
            dtype == object or pd.api.types.is_string_dtype(dtype) or pd.api.types.is_integer_dtype(dtype)
            or pd.api.types.is_float_dtype(dtype)):
        return None
    s = s.dropna()
    if len(s) > sample:
        s = s.iloc[np.linspace(0, len(s) - 1, sample).astype(np.int64)]
    if len(s) == 0:
        return None
    if pd.api.types.is_numeric_dtype(s.dtype):
        if float(s.abs().max()) < 1e10:  # 手机号至少 11 位
            return None
    elif dtype == object:
        s = s[[isinstance(v, (str, int, np.integer)) and not isinstance(v, bool) for v in s]]
        if len(s) == 0:
            return None
    kinds = pii_kinds(s.reset_index(drop=True)).dropna()
    if len(kinds) == 0 or len(kinds) < min_share * len(s):
        return None
    return str(kinds.value_counts().index[0])


# ---------------------------------------------------------------- 遮蔽
def _keep_ends(s: pd.Series, head: int, tail: int) -> pd.Series:
    n = s.str.len()
    short = n < head + tail + 1
    stars = n.sub(head + tail).clip(lower=1)
    masked = s.str.slice(0, head) + stars.map(lambda k: "*" * int(k) if k == k else "") + s.str.slice(-tail)
    # 太短的值无法保留首尾，全部遮住
    full = n.map(lambda k: "*" * int(k) if k == k else "")
    return masked.where(~short, full)


def _mask_name(s: pd.Series) -> pd.Series:
    parts = s.str.rpartition("·")
    prefix = parts[0] + parts[1]
    name = parts[2]
    return prefix + name.str.slice(0, 1) + name.str.len().sub(1).clip(lower=1).map(lambda k: "*" * int(k) if k == k else "")


def mask_series(series: pd.Series, kind: str) -> pd.Series:
    """遮蔽一列个人信息，返回新的 Series（原列不变，缺失值保持缺失）。

    Parameters
    ----------
    series : Series
        要遮蔽的列。
    kind : {"id_number", "credit_code", "phone", "bank_card", "person_name"}
        信息类型。规则（课程的展示约定，JR/T 0171 附录 A 原文未核实）：
        身份证号保留前 6 后 4；统一社会信用代码保留前 8 位与校验位；手机号保留前 3 后 4；
        银行卡号保留前 6 后 4；姓名保留“演示·”之类的前缀和姓，名字换成 ``*``。

    Examples
    --------
    >>> import pandas as pd
    >>> mask_series(pd.Series(["110101199001011237", None]), "id_number").tolist()
    ['110101********1237', nan]
    >>> mask_series(pd.Series(["演示·王青禾", "李四"]), "person_name").tolist()
    ['演示·王**', '李*']
    >>> mask_series(pd.Series(["6222021234567890123"]), "bank_card").tolist()
    ['622202*********0123']
    >>> mask_series(pd.Series(["92330100MA0000001C"]), "credit_code").tolist()
    ['92330100*********C']
    """
    check_choice(kind, MASK_KINDS, "kind")
    if not isinstance(series, pd.Series):
        raise RuralfinTypeError(f"mask_series 需要 pandas Series，实际是 {type(series).__name__}")
    if len(series) == 0:
        return pd.Series([], index=series.index, name=series.name, dtype="str")
    notna = series.notna()
    s = _as_text(series) if pd.api.types.is_numeric_dtype(series.dtype) else series.astype("str").where(notna, "")
    if kind == "id_number":
        out = _keep_ends(s, 6, 4)
    elif kind == "credit_code":
        out = _keep_ends(s, 8, 1)
    elif kind == "phone":
        out = _keep_ends(s, 3, 4)
    elif kind == "bank_card":
        out = _keep_ends(s, 6, 4)
    else:
        out = _mask_name(s)
    out = out.astype("str").where(notna.to_numpy(), np.nan)
    out.name = series.name
    return out


def mask_value(value: Any, kind: str) -> Any:
    """遮蔽单个值；缺失值原样返回。

    >>> mask_value("110101199001011237", "id_number")
    '110101********1237'
    >>> mask_value(None, "phone") is None
    True
    """
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return value
    return mask_series(pd.Series([str(value)]), kind).iloc[0]


# ---------------------------------------------------------------- 合成号码
def _check_rng(rng: Any) -> np.random.Generator:
    if not isinstance(rng, np.random.Generator):
        raise RuralfinTypeError(f"rng 应为 numpy.random.Generator（如 np.random.default_rng(0)），实际是 {type(rng).__name__}")
    return rng


def _rows_to_str(m: np.ndarray) -> np.ndarray:
    width = m.shape[1]
    return np.ascontiguousarray(m).view(f"S{width}").ravel().astype(f"U{width}")


def generate_id_numbers(
    rng: np.random.Generator,
    n: int,
    *,
    birth_dates: Any = None,
    female: Any = None,
) -> np.ndarray:
    """生成 ``n`` 个合成的 18 位身份证号（校验码正确，地址码以未分配的 ``99`` 开头）。

    Parameters
    ----------
    rng : numpy.random.Generator
        随机数发生器。
    n : int
        个数。
    birth_dates : array-like of datetime64, optional
        出生日期；不给时在 1950–2000 年间随机。
    female : array-like of bool, optional
        是否女性（顺序码末位为偶数）；不给时随机。

    Returns
    -------
    numpy.ndarray
        字符串数组。

    Examples
    --------
    >>> import numpy as np
    >>> ids = generate_id_numbers(np.random.default_rng(0), 3)
    >>> [i[:2] for i in ids], bool(is_valid_id_number(list(ids)).all())
    (['99', '99', '99'], True)
    """
    rng = _check_rng(rng)
    n = check_int(n, "n", min_value=0)
    m = np.empty((n, 18), dtype=np.uint8)
    m[:, 0:2] = ord("9")
    m[:, 2:6] = rng.integers(0, 10, size=(n, 4), dtype=np.uint8) + 48
    if birth_dates is None:
        days = rng.integers(
            (np.datetime64("1950-01-01") - np.datetime64("1970-01-01")).astype(int),
            (np.datetime64("2000-12-31") - np.datetime64("1970-01-01")).astype(int),
            size=n,
        )
        bd = days.astype("datetime64[D]")
    else:
        check_instance(birth_dates, (), "birth_dates", items=object)
        try:
            bd = np.asarray(birth_dates, dtype="datetime64[D]")
        except (TypeError, ValueError):
            raise RuralfinValueError("参数 birth_dates 应为出生日期的列表（如 ['1980-05-01']），有无法识别为日期的值") from None
        if bd.shape != (n,):
            raise RuralfinValueError(f"参数 birth_dates 应有 n={n} 个日期，实际是 {bd.size} 个")
        if np.isnat(bd).any():
            raise RuralfinValueError(f"参数 birth_dates 有 {int(np.isnat(bd).sum())} 个缺失的日期")
    ymd = np.char.replace(np.datetime_as_string(bd, unit="D"), "-", "") if n else np.array([], dtype="U8")
    m[:, 6:14] = np.array(ymd, dtype="S8").view(np.uint8).reshape(n, 8) if n else m[:, 6:14]
    seq = rng.integers(0, 500, size=n) * 2 + 1  # 奇数
    if female is None:
        female = rng.random(n) < 0.5
    seq = seq - np.asarray(female, dtype=bool).astype(np.int64)  # 女性 -> 偶数
    m[:, 14] = seq // 100 + 48
    m[:, 15] = (seq // 10) % 10 + 48
    m[:, 16] = seq % 10 + 48
    digits = (m[:, :17] - 48).astype(np.int64)
    m[:, 17] = np.frombuffer(_ID_CHECK.encode(), dtype=np.uint8)[(digits @ _ID_WEIGHTS) % 11]
    return _rows_to_str(m)


def generate_credit_codes(rng: np.random.Generator, n: int, *, category: Any = "1") -> np.ndarray:
    """生成 ``n`` 个合成的统一社会信用代码（校验字符正确，行政区划码以 ``99`` 开头）。

    Parameters
    ----------
    category : str or array-like of str, default "1"
        机构类别码（登记管理部门码固定为 ``9`` 工商）：``"1"`` 企业、``"2"`` 个体工商户、
        ``"3"`` 农民专业合作社。主体标识码（第 9–17 位）随机，不另做 GB 11714 校验。

    Examples
    --------
    >>> import numpy as np
    >>> codes = generate_credit_codes(np.random.default_rng(1), 2, category="3")
    >>> [c[:4] for c in codes], bool(is_valid_credit_code(list(codes)).all())
    (['9399', '9399'], True)
    """
    rng = _check_rng(rng)
    n = check_int(n, "n", min_value=0)
    cat = np.broadcast_to(np.asarray(category, dtype="S1"), (n,))
    if n and not np.isin(cat, [b"1", b"2", b"3"]).all():
        raise RuralfinValueError("参数 category 只能是 '1'（企业）、'2'（个体工商户）或 '3'（农民专业合作社）")
    lut = np.frombuffer(_CC_CHARS.encode(), dtype=np.uint8)
    vals = np.empty((n, 18), dtype=np.int64)
    vals[:, 0] = 9
    vals[:, 1] = cat.view(np.uint8).astype(np.int64) - 48 if n else vals[:, 1]
    vals[:, 2:4] = 9
    vals[:, 4:8] = rng.integers(0, 10, size=(n, 4))
    vals[:, 8:17] = rng.integers(0, 31, size=(n, 9))
    vals[:, 17] = (31 - (vals[:, :17] @ _CC_WEIGHTS) % 31) % 31
    return _rows_to_str(lut[vals])


def generate_phone_numbers(rng: np.random.Generator, n: int) -> np.ndarray:
    """生成 ``n`` 个明显是虚构的 11 位“手机号”：以 ``100`` 开头，不属于任何运营商号段。

    Examples
    --------
    >>> import numpy as np
    >>> [p[:3] for p in generate_phone_numbers(np.random.default_rng(0), 2)]
    ['100', '100']
    """
    rng = _check_rng(rng)
    n = check_int(n, "n", min_value=0)
    m = np.empty((n, 11), dtype=np.uint8)
    m[:, 0] = ord("1")
    m[:, 1:3] = ord("0")
    m[:, 3:] = rng.integers(0, 10, size=(n, 8), dtype=np.uint8) + 48
    return _rows_to_str(m)
