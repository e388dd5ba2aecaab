"""收益与成本：贷款定价拆解、保本利率、RAROC、综合收益、风险成本与监管指标。

对应课程第 11 课《银行发展三农金融的目标》（大纲 一(一)）：

- :func:`loan_pricing` / :func:`rate_buildup` / :func:`break_even_rate`：成本加成定价，
  对客利率 = 资金成本 (FTP) + 运营成本率 + 预期损失率 (PD × LGD)
  + 资本成本率 (风险权重 × 资本充足率要求 × 股东要求回报率) + 目标利润；
  前四项之和就是保本利率（门槛利率）。
- :func:`raroc`：逐笔或按客群的风险调整资本回报率。
- :func:`comprehensive_yield`：贷款利差与综合收益（存款贡献、中间业务收入）的对比。
- :func:`expected_loss_table`：客群 × 行业的预期损失（风险成本）表。
- :func:`loan_book` / :func:`regulatory_indicators`：两个时点之间的“两增两控”与涉农贷款增速。
- :func:`public_figures`：课程引用的全国公开统计数（均来自课程事实核查表，带来源与可信度）。
- :func:`plot_rate_buildup`：定价拆解的瀑布图；:func:`plot_yield_comparison`：贷款净收益率
  与综合收益率的散点图。

单位约定（与示范县数据一致）：

- **利率与按余额计的成本率**（FTP、运营成本率、预期损失率、资本成本率、保本利率、
  对客利率、存款利率、收益率）用**年化百分数**：``2.0`` 表示 2.0%；
- **概率与比例**（违约概率 PD、违约损失率 LGD、风险权重、资本充足率要求、股东要求
  回报率、RAROC）用 **0–1 的小数**：``0.75`` 表示 75%；
- 金额单位跟随输入（示范县为万元），收入、成本均为**年化**金额。

关于数字的可信度：定价公式是教科书通式；本模块的默认参数（FTP 2.0%、运营成本 1.2%、
PD 2%、LGD 50%、风险权重 75%、资本充足率 10.5%、股东要求回报 12%）取自课程事实
核查表的**教学示意算例**，**不是监管规定**。尤其是风险权重（“小微企业/监管零售 75%、
一般中小企业 85%”等常见说法）未能核实，使用前请对照《商业银行资本管理办法》
（金融监管总局令 2023 年第 4 号）第四章及附件，并换成本行实际参数。
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from numbers import Real
from typing import Any

import numpy as np
import pandas as pd

from ._validation import check_frame, check_number, fmt_list
from .errors import RuralfinTypeError, RuralfinValueError, RuralfinWarning

__all__ = [
    "PRICING_EXAMPLE",
    "break_even_rate",
    "loan_pricing",
    "rate_buildup",
    "raroc",
    "comprehensive_yield",
    "expected_loss_table",
    "loan_book",
    "regulatory_indicators",
    "format_indicators",
    "public_figures",
    "plot_rate_buildup",
    "plot_yield_comparison",
]

#: 课程事实核查表 §5 的教学示意算例（不是监管规定；风险权重 75% 未经核实）。
#: 利率类为百分数，概率与比例为小数。
PRICING_EXAMPLE: dict[str, float] = {
    "ftp_rate": 2.0,
    "opex_rate": 1.2,
    "prob_default": 0.02,
    "lgd": 0.5,
    "risk_weight": 0.75,
    "capital_ratio": 0.105,
    "hurdle_rate": 0.12,
}

_PCT = "年化百分数（2.0 表示 2.0%）"
_FRAC = "0 到 1 之间的小数（0.5 表示 50%）"
# 参数名 -> (下限, 上限, 说明, 是否百分数)。数字或列两种写法共用这一套检查。
_BOUNDS: dict[str, tuple[float, float, str, bool]] = {
    "ftp_rate": (-10.0, 100.0, _PCT, True),
    "deposit_ftp_rate": (-10.0, 100.0, _PCT, True),
    "opex_rate": (0.0, 100.0, _PCT, True),
    "margin": (-100.0, 100.0, _PCT, True),
    "interest_rate": (0.0, 100.0, _PCT, True),
    "loan_rate": (0.0, 100.0, _PCT, True),
    "deposit_rate": (-10.0, 100.0, _PCT, True),
    "threshold": (-100.0, 100.0, _PCT, True),
    "prob_default": (0.0, 1.0, _FRAC, False),
    "lgd": (0.0, 1.0, _FRAC, False),
    "risk_weight": (0.0, 15.0, "风险权重，用小数表示（0.75 表示 75%）", False),
    "capital_ratio": (0.0, 1.0, "资本充足率要求，用小数表示（0.105 表示 10.5%）", False),
    "hurdle_rate": (-1.0, 1.0, "股东要求回报率，用小数表示（0.12 表示 12%）", False),
    "fee_income": (0.0, np.inf, "不为负的金额", False),
    "balance": (0.0, np.inf, "不为负的金额", False),
    "ead": (0.0, np.inf, "不为负的金额", False),
    "loan_balance": (0.0, np.inf, "不为负的金额", False),
    "deposit_balance": (0.0, np.inf, "不为负的金额", False),
    "credit_line": (0.0, np.inf, "不为负的金额", False),
}


# ---------------------------------------------------------------------------
# 入口检查小工具
# ---------------------------------------------------------------------------


# 这些利率若全都小于 0.1（即 0.1%），几乎一定是把百分数写成了小数
_LOOKS_LIKE_FRACTION = ("ftp_rate", "deposit_ftp_rate", "interest_rate", "loan_rate", "opex_rate")


def _warn_fraction(arr: Any, param: str, where: str) -> None:
    a = np.abs(np.asarray(arr, dtype=float))
    if param in _LOOKS_LIKE_FRACTION and a.size and 0 < a.max() < 0.1:
        warnings.warn(
            f"{where}的值最大只有 {a.max():g}，看起来是小数；本库的利率用年化百分数"
            f"（2.0 表示 2.0%），请确认是否应乘以 100",
            RuralfinWarning, stacklevel=4,
        )


def _value(df: pd.DataFrame | None, value: Any, param: str, *, frame: str = "data") -> Any:
    """``value`` 可以是数字，也可以是 ``df`` 的列名；返回 float 或 float 数组，并检查取值范围。"""
    lo, hi, what, pct = _BOUNDS[param]
    if isinstance(value, str):
        if df is None:
            raise RuralfinTypeError(
                f"参数 {param}={value!r} 是列名，但没有给出数据表；不传表时 {param} 应为数字（{what}）"
            )
        if value not in df.columns:
            raise RuralfinValueError(
                f"参数 {param} 指定的列 {value!r} 不在 {frame} 中（现有列：{fmt_list(df.columns)}）"
            )
        s = df[value]
        if not pd.api.types.is_numeric_dtype(s) or pd.api.types.is_bool_dtype(s):
            raise RuralfinTypeError(f"{frame} 的列 {value}（参数 {param}）应为数值，实际是 {s.dtype}")
        arr = s.to_numpy(dtype=float, na_value=np.nan)
        n_na = int(np.isnan(arr).sum())
        if n_na:
            raise RuralfinValueError(f"{frame} 的列 {value}（参数 {param}）有 {n_na} 个缺失值，请先处理")
        bad = (arr < lo) | (arr > hi)
        if bad.any():
            hint = "；看起来像百分数，请改用小数" if not pct and hi <= 1 and (arr[bad] <= 100).all() else ""
            raise RuralfinValueError(
                f"{frame} 的列 {value}（参数 {param}）有 {int(bad.sum())} 个值超出范围 "
                f"[{lo:g}, {hi:g}]，例如 {arr[bad][0]:g}；应为{what}{hint}"
            )
        _warn_fraction(arr, param, f"{frame} 的列 {value}（参数 {param}）")
        return arr
    if isinstance(value, bool) or not isinstance(value, Real):
        where = "" if df is None else f" {frame} 的"
        raise RuralfinTypeError(
            f"参数 {param} 应为数字（{what}）或{where}列名，实际是 {type(value).__name__}：{value!r}"
        )
    v = float(value)
    if not np.isfinite(v) or not (lo <= v <= hi):
        hint = "；看起来像百分数，请改用小数" if not pct and hi <= 1 and 1 < v <= 100 else ""
        raise RuralfinValueError(f"参数 {param} 应为{what}，实际是 {v:g}{hint}")
    _warn_fraction(v, param, f"参数 {param} ")
    if df is not None:
        return np.full(len(df), v)
    return v


def _by_list(by: Any, df: pd.DataFrame, frame: str) -> list[str]:
    if by is None:
        return []
    cols = [by] if isinstance(by, str) else list(by) if isinstance(by, (list, tuple)) else None
    if cols is None or not cols or not all(isinstance(c, str) for c in cols):
        raise RuralfinTypeError(f"参数 by 应为列名或列名列表，实际是 {by!r}")
    missing = [c for c in cols if c not in df.columns]
    if missing:
        raise RuralfinValueError(
            f"参数 by 指定的列 {fmt_list(missing)} 不在 {frame} 中（现有列：{fmt_list(df.columns)}）"
        )
    return cols


def _frame_or_none(data: Any, name: str) -> pd.DataFrame | None:
    if data is None:
        return None
    return check_frame(data, name=name)


def _safe_div(num, den):
    num = np.asarray(num, dtype=float)
    den = np.asarray(den, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(den != 0, num / np.where(den != 0, den, 1.0), np.nan)


# ---------------------------------------------------------------------------
# 定价拆解
# ---------------------------------------------------------------------------

_PRICING_PARAMS = ("ftp_rate", "opex_rate", "prob_default", "lgd", "risk_weight", "capital_ratio", "hurdle_rate")


def _pricing_arrays(df, params: dict[str, Any], margin: Any) -> dict[str, Any]:
    v = {p: _value(df, params[p], p) for p in _PRICING_PARAMS}
    v["margin"] = _value(df, margin, "margin")
    el = v["prob_default"] * v["lgd"] * 100.0
    cap = v["risk_weight"] * v["capital_ratio"] * v["hurdle_rate"] * 100.0
    be = v["ftp_rate"] + v["opex_rate"] + el + cap
    return {
        "ftp_rate": v["ftp_rate"],
        "opex_rate": v["opex_rate"],
        "el_rate": el,
        "capital_cost_rate": cap,
        "break_even_rate": be,
        "margin_rate": v["margin"],
        "customer_rate": be + v["margin"],
    }


def break_even_rate(
    *,
    ftp_rate: float = 2.0,
    opex_rate: float = 1.2,
    prob_default: float = 0.02,
    lgd: float = 0.5,
    risk_weight: float = 0.75,
    capital_ratio: float = 0.105,
    hurdle_rate: float = 0.12,
) -> float:
    """保本利率（门槛利率）：刚好覆盖资金、运营、预期损失和资本回报要求的贷款利率。

    保本利率(%) = FTP + 运营成本率 + PD × LGD × 100 + 风险权重 × 资本充足率 × 股东要求回报率 × 100。

    Parameters
    ----------
    ftp_rate : float, default 2.0
        内部资金转移价格（FTP），即这笔贷款占用资金的内部成本，年化百分数。
    opex_rate : float, default 1.2
        运营成本率：人工、网点、系统等分摊到每百元贷款上的年化成本，百分数。
    prob_default : float, default 0.02
        一年内违约概率 PD（小数）。
    lgd : float, default 0.5
        违约损失率 LGD：违约后收不回来的比例（小数）。
    risk_weight : float, default 0.75
        风险权重（小数）。**默认值仅为教学示意，不是监管规定**（具体权重未核实，
        请对照《商业银行资本管理办法》）。
    capital_ratio : float, default 0.105
        为每元风险加权资产准备的资本比例（资本充足率要求，小数）。
    hurdle_rate : float, default 0.12
        股东要求的资本回报率（小数）。

    Returns
    -------
    float
        年化保本利率（百分数）。

    See Also
    --------
    loan_pricing : 同时给出各组成部分，也可对整张贷款表逐行计算。

    Examples
    --------
    课程事实核查表 §5 的示意算例：2.0% + 1.2% + 2%×50% + 75%×10.5%×12% ≈ 5.15%。

    >>> round(break_even_rate(), 3)
    5.145
    >>> round(break_even_rate(prob_default=0.05), 3)  # 客群风险更高，保本利率随之上升
    6.645
    """
    params = dict(
        ftp_rate=ftp_rate, opex_rate=opex_rate, prob_default=prob_default, lgd=lgd,
        risk_weight=risk_weight, capital_ratio=capital_ratio, hurdle_rate=hurdle_rate,
    )
    return float(_pricing_arrays(None, params, 0.0)["break_even_rate"])


def loan_pricing(
    data: pd.DataFrame | None = None,
    *,
    ftp_rate: float | str = 2.0,
    opex_rate: float | str = 1.2,
    prob_default: float | str = 0.02,
    lgd: float | str = 0.5,
    risk_weight: float | str = 0.75,
    capital_ratio: float | str = 0.105,
    hurdle_rate: float | str = 0.12,
    margin: float | str = 0.0,
) -> pd.DataFrame:
    """成本加成定价：每笔贷款（或每个客群）的利率组成、保本利率和对客利率。

    对客利率 = FTP + 运营成本率 + 预期损失率 + 资本成本率 + 目标利润（均为年化百分数），其中

    - 预期损失率 ``el_rate`` = PD × LGD（预期损失 EL = PD × LGD × EAD，这里按每百元贷款计）；
    - 资本成本率 ``capital_cost_rate`` = 风险权重 × 资本充足率要求 × 股东要求回报率：
      每元贷款要占用“风险权重 × 资本充足率”元资本，股东要求这些资本赚到 ``hurdle_rate``；
    - 保本利率 ``break_even_rate`` = 前四项之和（不含目标利润）。

    Parameters
    ----------
    data : DataFrame, optional
        贷款表或客群表。给出时逐行计算，返回的表保留 ``data`` 的全部列并追加结果列；
        不给时按一笔贷款计算，返回一行。
    ftp_rate, opex_rate, prob_default, lgd, risk_weight, capital_ratio, hurdle_rate, margin : float or str
        各项参数，可以是一个数字（所有行相同），也可以是 ``data`` 中的列名（每行不同）。
        含义与单位见 :func:`break_even_rate`；``margin`` 是在保本利率之上加的目标利润（百分数）。
        默认值是课程事实核查表 §5 的**教学示意数**，风险权重 75% **未经核实**，
        不是监管规定，请换成本行参数。

    Returns
    -------
    DataFrame
        追加的列（年化百分数）：``ftp_rate``、``opex_rate``、``el_rate``、``capital_cost_rate``、
        ``break_even_rate``、``margin_rate``、``customer_rate``。
        若 ``data`` 中已有同名列（例如 ``ftp_rate`` 列被用作参数），结果列覆盖它（数值相同）。

    Raises
    ------
    RuralfinValueError
        列不存在、有缺失、取值越界（如把 PD 2% 写成 2）。
    RuralfinTypeError
        参数既不是数字也不是列名，或列不是数值。

    Examples
    --------
    >>> import pandas as pd
    >>> loan_pricing(margin=0.5).iloc[0].round(3)
    ftp_rate             2.000
    opex_rate            1.200
    el_rate              1.000
    capital_cost_rate    0.945
    break_even_rate      5.145
    margin_rate          0.500
    customer_rate        5.645
    Name: 0, dtype: float64

    按客群逐行计算，PD 取自表中的列：

    >>> seg = pd.DataFrame({"customer_group": ["coop", "individual_business"],
    ...                     "pd_est": [0.01, 0.04]})
    >>> loan_pricing(seg, prob_default="pd_est")[["customer_group", "break_even_rate"]].round(3)
            customer_group  break_even_rate
    0                 coop            4.645
    1  individual_business            6.145
    """
    df = _frame_or_none(data, "data")
    params = dict(
        ftp_rate=ftp_rate, opex_rate=opex_rate, prob_default=prob_default, lgd=lgd,
        risk_weight=risk_weight, capital_ratio=capital_ratio, hurdle_rate=hurdle_rate,
    )
    res = _pricing_arrays(df, params, margin)
    if df is None:
        return pd.DataFrame({k: [float(v)] for k, v in res.items()})
    out = df.copy()
    for k, v in res.items():
        out[k] = v
    return out


_COMPONENTS = [
    ("ftp", "ftp_rate", "component"),
    ("opex", "opex_rate", "component"),
    ("expected_loss", "el_rate", "component"),
    ("capital_cost", "capital_cost_rate", "component"),
    ("break_even", "break_even_rate", "subtotal"),
    ("margin", "margin_rate", "component"),
    ("customer_rate", "customer_rate", "total"),
]


def rate_buildup(
    data: pd.DataFrame | None = None,
    *,
    by: str | Sequence[str] | None = None,
    ftp_rate: float | str = 2.0,
    opex_rate: float | str = 1.2,
    prob_default: float | str = 0.02,
    lgd: float | str = 0.5,
    risk_weight: float | str = 0.75,
    capital_ratio: float | str = 0.105,
    hurdle_rate: float | str = 0.12,
    margin: float | str = 0.0,
) -> pd.DataFrame:
    """把贷款利率拆成一级一级的“台阶”，得到画瀑布图用的长表。

    每笔贷款（或每个客群）给出 7 行，顺序为：资金成本 FTP → 运营成本 → 预期损失 →
    资本成本 → **保本利率**（小计）→ 目标利润 → **对客利率**（合计）。
    ``bar_start``/``bar_end`` 是瀑布图中每根柱子的起止高度。

    Parameters
    ----------
    data : DataFrame, optional
        贷款表或客群表；不给时按一笔贷款计算。
    by : str or list of str, optional
        标识每一行的列（如 ``"customer_group"``），会出现在结果中；不给时用行号
        （列名 ``row``）。只在给出 ``data`` 时有效。
    ftp_rate, opex_rate, prob_default, lgd, risk_weight, capital_ratio, hurdle_rate, margin : float or str
        见 :func:`loan_pricing`；默认值为教学示意数，不是监管规定。

    Returns
    -------
    DataFrame
        列：(``by`` 各列或 ``row``)、``step``（1–7）、``component``（组成部分编码）、
        ``kind``（``component`` 组成 / ``subtotal`` 小计 / ``total`` 合计）、
        ``component_rate``（该项利率，百分数）、``bar_start``、``bar_end``。

    See Also
    --------
    plot_rate_buildup : 把本表画成瀑布图。

    Examples
    --------
    >>> rate_buildup(margin=0.5).round(3)
       step      component       kind  component_rate  bar_start  bar_end
    0     1            ftp  component           2.000      0.000    2.000
    1     2           opex  component           1.200      2.000    3.200
    2     3  expected_loss  component           1.000      3.200    4.200
    3     4   capital_cost  component           0.945      4.200    5.145
    4     5     break_even   subtotal           5.145      0.000    5.145
    5     6         margin  component           0.500      5.145    5.645
    6     7  customer_rate      total           5.645      0.000    5.645
    """
    df = _frame_or_none(data, "data")
    if df is None and by is not None:
        raise RuralfinValueError("参数 by 只在给出 data（贷款表或客群表）时才能用")
    keys = _by_list(by, df, "data") if df is not None else []
    wide = loan_pricing(
        df, ftp_rate=ftp_rate, opex_rate=opex_rate, prob_default=prob_default, lgd=lgd,
        risk_weight=risk_weight, capital_ratio=capital_ratio, hurdle_rate=hurdle_rate, margin=margin,
    )
    n = len(wide)
    frames = []
    running = np.zeros(n)
    for step, (code, col, kind) in enumerate(_COMPONENTS, 1):
        val = wide[col].to_numpy(dtype=float)
        if kind == "component":
            start, end = running, running + val
            running = end
        else:
            start, end = np.zeros(n), val
        part = pd.DataFrame({
            "step": np.full(n, step), "component": code, "kind": kind,
            "component_rate": val, "bar_start": start, "bar_end": end,
        })
        if df is not None:
            if keys:
                for k in reversed(keys):
                    part.insert(0, k, df[k].to_numpy())
            else:
                part.insert(0, "row", np.arange(n))
            part["_order"] = np.arange(n)
        frames.append(part)
    out = pd.concat(frames, ignore_index=True)
    if df is not None:
        out = out.sort_values(["_order", "step"], kind="stable").drop(columns="_order").reset_index(drop=True)
    return out


# ---------------------------------------------------------------------------
# RAROC
# ---------------------------------------------------------------------------

_RAROC_SUMS = [
    "balance", "ead", "interest_income", "fee_income", "funding_cost", "operating_cost",
    "expected_loss", "risk_adjusted_profit", "regulatory_capital",
]


def raroc(
    loans: pd.DataFrame,
    *,
    balance: str = "balance",
    interest_rate: float | str = "contract_rate",
    fee_income: float | str = 0.0,
    ftp_rate: float | str = 2.0,
    opex_rate: float | str = 1.2,
    prob_default: float | str = 0.02,
    lgd: float | str = 0.5,
    ead: str | None = None,
    risk_weight: float | str = 0.75,
    capital_ratio: float | str = 0.105,
    hurdle_rate: float = 0.12,
    by: str | Sequence[str] | None = None,
) -> pd.DataFrame:
    """风险调整资本回报率 RAROC：逐笔计算，或按客群/行业汇总。

    一年期口径（金额单位跟随 ``balance``，示范县为万元；利率为百分数）：

    - 利息收入 = 余额 × 贷款利率 / 100；中间业务收入 = ``fee_income``（年化金额）；
    - 资金成本 = 余额 × FTP / 100；运营成本 = 余额 × 运营成本率 / 100；
    - 预期损失 EL = PD × LGD × EAD；
    - 风险调整利润 = 利息收入 + 中收 − 资金成本 − 运营成本 − 预期损失；
    - 监管资本 = EAD × 风险权重 × 资本充足率要求（本函数用监管资本近似经济资本）；
    - RAROC = 风险调整利润 / 监管资本（小数）；``meets_hurdle`` 表示 RAROC ≥ 股东要求回报率。

    汇总时先把金额逐项相加，再用合计利润 / 合计资本得到该组 RAROC（不是逐笔 RAROC 的平均）。

    Parameters
    ----------
    loans : DataFrame
        贷款表，每行一笔（例如 :func:`loan_book` 的结果）。
    balance : str, default "balance"
        贷款余额列。
    interest_rate : float or str, default "contract_rate"
        执行利率（年化百分数）：列名或一个数字。
    fee_income : float or str, default 0.0
        该笔贷款带来的年化中间业务收入金额（列名或数字，与余额同单位）。
    ftp_rate, opex_rate : float or str
        FTP 与运营成本率（百分数），数字或列名。
    prob_default, lgd, risk_weight, capital_ratio : float or str
        违约概率、违约损失率、风险权重、资本充足率要求（小数），数字或列名。
        默认值为教学示意数，风险权重 75% **未经核实，不是监管规定**。
    ead : str, optional
        违约风险暴露列；不给时用余额（即不考虑未用额度的转换）。
    hurdle_rate : float, default 0.12
        股东要求回报率（小数），用于判断 ``meets_hurdle``。
    by : str or list of str, optional
        按这些列汇总（如 ``"customer_group"``）；不给时逐笔返回。

    Returns
    -------
    DataFrame
        逐笔：``loans`` 的全部列，加 ``ead``、``interest_income``、``fee_income``、
        ``funding_cost``、``operating_cost``、``expected_loss``、``risk_adjusted_profit``、
        ``regulatory_capital``、``raroc``、``meets_hurdle``。
        汇总：``by`` 各列、``n_loans``、``loan_balance``（余额合计）及上述金额的合计、``raroc``、
        ``meets_hurdle``。逐笔结果带着贷款台账的列，展示时可用
        ``rf.to_display(结果, table="loan_monthly")`` 取得这些列的中文名。

    Examples
    --------
    余额 100 万元、利率 6%、中收 0.2 万元：利润 = 6 + 0.2 − 2 − 1.2 − 1 = 2.0 万元，
    资本 = 100 × 75% × 10.5% = 7.875 万元，RAROC = 2.0 / 7.875 ≈ 25.4%。

    >>> import pandas as pd
    >>> loans = pd.DataFrame({"loan_id": ["L1", "L2"], "customer_group": ["coop", "coop"],
    ...                       "balance": [100.0, 50.0], "contract_rate": [6.0, 4.5]})
    >>> r = raroc(loans, fee_income=0.2)
    >>> r[["loan_id", "risk_adjusted_profit", "regulatory_capital", "raroc", "meets_hurdle"]].round(4)
      loan_id  risk_adjusted_profit  regulatory_capital   raroc  meets_hurdle
    0      L1                  2.00              7.8750  0.2540          True
    1      L2                  0.35              3.9375  0.0889         False
    >>> raroc(loans, fee_income=0.2, by="customer_group")[["customer_group", "n_loans", "raroc"]].round(4)
      customer_group  n_loans   raroc
    0           coop        2  0.1989
    """
    check_frame(loans, [balance], name="loans", numeric=[balance])
    hurdle = _value(None, hurdle_rate, "hurdle_rate")
    bal = _value(loans, balance, "balance", frame="loans")
    exposure = bal if ead is None else _value(loans, ead, "ead", frame="loans")
    rate = _value(loans, interest_rate, "interest_rate", frame="loans")
    fee = _value(loans, fee_income, "fee_income", frame="loans")
    ftp = _value(loans, ftp_rate, "ftp_rate", frame="loans")
    opex = _value(loans, opex_rate, "opex_rate", frame="loans")
    pdv = _value(loans, prob_default, "prob_default", frame="loans")
    lgdv = _value(loans, lgd, "lgd", frame="loans")
    rw = _value(loans, risk_weight, "risk_weight", frame="loans")
    cr = _value(loans, capital_ratio, "capital_ratio", frame="loans")
    keys = _by_list(by, loans, "loans")

    res = pd.DataFrame({
        "balance": bal,
        "ead": exposure,
        "interest_income": bal * rate / 100.0,
        "fee_income": fee,
        "funding_cost": bal * ftp / 100.0,
        "operating_cost": bal * opex / 100.0,
        "expected_loss": pdv * lgdv * exposure,
        "regulatory_capital": exposure * rw * cr,
    }, index=loans.index)
    res["risk_adjusted_profit"] = (
        res["interest_income"] + res["fee_income"] - res["funding_cost"]
        - res["operating_cost"] - res["expected_loss"]
    )
    if not keys:
        out = loans.copy()
        for c in _RAROC_SUMS:
            if c != "balance":
                out[c] = res[c]
        out["raroc"] = _safe_div(res["risk_adjusted_profit"], res["regulatory_capital"])
        out["meets_hurdle"] = out["raroc"] >= hurdle
        return out
    for k in keys:
        res[k] = loans[k]
    g = res.groupby(keys, observed=True, sort=True, dropna=False)
    out = g[_RAROC_SUMS].sum().rename(columns={"balance": "loan_balance"})
    out.insert(0, "n_loans", g.size())
    out["raroc"] = _safe_div(out["risk_adjusted_profit"], out["regulatory_capital"])
    out["meets_hurdle"] = out["raroc"] >= hurdle
    return out.reset_index()


# ---------------------------------------------------------------------------
# 综合收益
# ---------------------------------------------------------------------------

YIELD_PATTERNS = ("both_good", "rescued", "eroded", "both_poor", "no_loan")


def comprehensive_yield(
    customers: pd.DataFrame,
    *,
    loan_balance: str = "loan_balance",
    loan_rate: float | str = "loan_rate",
    deposit_balance: str | None = "deposit_balance",
    deposit_rate: float | str = 0.5,
    fee_income: float | str | None = "fee_income",
    ftp_rate: float | str = 2.0,
    deposit_ftp_rate: float | str | None = None,
    opex_rate: float | str = 1.2,
    prob_default: float | str = 0.02,
    lgd: float | str = 0.5,
    threshold: float = 0.0,
) -> pd.DataFrame:
    """贷款利差与综合收益：每个客户一年给银行带来多少钱，只看贷款和看全部有何不同。

    一年期口径（金额单位跟随输入，示范县为万元；利率为百分数）：

    - 贷款利差收入 ``loan_spread_income`` = 贷款余额 × (贷款利率 − FTP) / 100；
    - 存款贡献 ``deposit_contribution`` = 存款余额 × (存款 FTP − 存款付息率) / 100：
      存款按 FTP 价格“卖给”行内资金中心，银行赚到 FTP 与付给客户的利息之差；
    - 中间业务收入 ``fee_income``：结算、代发、理财、保险代销等手续费（年化金额）；
    - 风险成本 ``risk_cost`` = 贷款余额 × PD × LGD；
    - 运营成本 ``operating_cost`` = 贷款余额 × 运营成本率 / 100；
    - 贷款净收益 ``loan_net_income`` = 利差收入 − 风险成本 − 运营成本；
    - 综合收益 ``comprehensive_income`` = 贷款净收益 + 存款贡献 + 中收；
    - 两个收益率都以贷款余额为分母（百分数）：``loan_net_yield``、``comprehensive_yield``。

    ``yield_pattern`` 按门槛 ``threshold`` 把客户分成：

    - ``rescued``（利差不足、综合补回）：贷款净收益率 < 门槛 ≤ 综合收益率——利差薄，
      但存款和结算把收益补了回来，只看利差会错杀这类客户；
    - ``eroded``（利差尚可、综合拖累）：贷款净收益率 ≥ 门槛 > 综合收益率——
      例如高息揽存把贷款赚的钱又吐了回去；
    - ``both_good`` / ``both_poor``：两者都达标 / 都不达标；
    - ``no_loan``：没有贷款余额，收益率无从计算（综合收益金额照常给出）。

    Parameters
    ----------
    customers : DataFrame
        客户表，每行一个客户（已把同一客户的多笔贷款、多个存款账户汇总）。
    loan_balance : str, default "loan_balance"
        贷款余额列。
    loan_rate : float or str, default "loan_rate"
        贷款执行利率（年化百分数），列名或数字。
    deposit_balance : str or None, default "deposit_balance"
        存款日均余额列；``None`` 表示不计存款贡献。
    deposit_rate : float or str, default 0.5
        存款付息率（百分数），列名或数字。默认 0.5% 仅为示意。
    fee_income : float, str or None, default "fee_income"
        年化中间业务收入金额，列名或数字；``None`` 表示不计。
    ftp_rate : float or str, default 2.0
        贷款的 FTP（资金成本，百分数）。
    deposit_ftp_rate : float, str or None
        存款的 FTP（资金收益，百分数）；不给时与 ``ftp_rate`` 相同。实际中两者通常不同，
        请用本行资金中心的价格。
    opex_rate : float or str, default 1.2
        运营成本率（百分数）。
    prob_default, lgd : float or str
        违约概率、违约损失率（小数），数字或列名。默认值为教学示意数。
    threshold : float, default 0.0
        判断“达标”的年化净收益率门槛（百分数）；0 表示只看赚不赚钱。

    Returns
    -------
    DataFrame
        ``customers`` 的全部列，加上述各项金额、两个收益率和 ``yield_pattern``。

    Examples
    --------
    A 的贷款利率只有 3.5%，贷款本身亏钱，但 80 万元存款补了回来；B 利差不错，
    但 300 万元存款付息 2.5%，高于 FTP，反而倒贴：

    >>> import pandas as pd
    >>> cust = pd.DataFrame({"customer_id": ["A", "B"], "loan_balance": [100.0, 100.0],
    ...                      "loan_rate": [3.5, 6.0], "deposit_balance": [80.0, 300.0],
    ...                      "deposit_rate": [0.3, 2.5], "fee_income": [0.5, 0.0]})
    >>> r = comprehensive_yield(cust, deposit_rate="deposit_rate")
    >>> r[["customer_id", "loan_net_income", "deposit_contribution", "comprehensive_income"]].round(3)
      customer_id  loan_net_income  deposit_contribution  comprehensive_income
    0           A             -0.7                  1.36                  1.16
    1           B              1.8                 -1.50                  0.30
    >>> r["yield_pattern"].tolist()
    ['rescued', 'both_good']
    >>> comprehensive_yield(cust, deposit_rate="deposit_rate", threshold=1.0)["yield_pattern"].tolist()
    ['rescued', 'eroded']
    """
    cols = [loan_balance] + ([deposit_balance] if deposit_balance is not None else [])
    check_frame(customers, cols, name="customers", numeric=cols)
    thr = _value(None, threshold, "threshold")
    n = len(customers)
    lb = _value(customers, loan_balance, "loan_balance", frame="customers")
    lr = _value(customers, loan_rate, "loan_rate", frame="customers")
    ftp = _value(customers, ftp_rate, "ftp_rate", frame="customers")
    dftp = ftp if deposit_ftp_rate is None else _value(
        customers, deposit_ftp_rate, "deposit_ftp_rate", frame="customers")
    opex = _value(customers, opex_rate, "opex_rate", frame="customers")
    pdv = _value(customers, prob_default, "prob_default", frame="customers")
    lgdv = _value(customers, lgd, "lgd", frame="customers")
    if deposit_balance is None:
        db, dr = np.zeros(n), np.zeros(n)
    else:
        db = _value(customers, deposit_balance, "deposit_balance", frame="customers")
        dr = _value(customers, deposit_rate, "deposit_rate", frame="customers")
    fee = np.zeros(n) if fee_income is None else _value(customers, fee_income, "fee_income", frame="customers")

    out = customers.copy()
    spread = lb * (lr - ftp) / 100.0
    risk = lb * pdv * lgdv
    op = lb * opex / 100.0
    dep = db * (dftp - dr) / 100.0
    loan_net = spread - risk - op
    total = loan_net + dep + fee
    out["loan_spread_income"] = spread
    out["deposit_contribution"] = dep
    out["fee_income"] = fee
    out["risk_cost"] = risk
    out["operating_cost"] = op
    out["loan_net_income"] = loan_net
    out["comprehensive_income"] = total
    ly = _safe_div(loan_net, lb) * 100.0
    cy = _safe_div(total, lb) * 100.0
    out["loan_net_yield"] = ly
    out["comprehensive_yield"] = cy
    has = lb > 0
    # 用一个很小的容差避免 0.9999999 这类浮点误差影响分档
    eps = 1e-9
    good_l, good_c = ly >= thr - eps, cy >= thr - eps
    pattern = np.select(
        [~has, good_l & good_c, ~good_l & good_c, good_l & ~good_c],
        ["no_loan", "both_good", "rescued", "eroded"],
        default="both_poor",
    )
    out["yield_pattern"] = pd.Categorical(pattern, categories=list(YIELD_PATTERNS))
    return out


# ---------------------------------------------------------------------------
# 风险成本：客群 × 行业的预期损失
# ---------------------------------------------------------------------------


def expected_loss_table(
    loans: pd.DataFrame,
    *,
    rows: str = "customer_group",
    columns: str | None = "industry",
    ead: str = "balance",
    prob_default: float | str | None = None,
    default_flag: str | None = None,
    default_dpd: int | None = None,
    lgd: float | str = 0.5,
    pivot: str | None = None,
) -> pd.DataFrame:
    """风险成本表：按客群 × 行业汇总预期损失 EL = PD × LGD × EAD 与 EL 率。

    违约概率有两种来源，二选一：

    - ``prob_default``：模型给出的逐笔 PD（列名）或一个统一的数；
    - ``default_flag``：历史上是否违约的 0/1 列——用每个格子里的**历史违约率**（按笔数）
      作为该格子的 PD。这是最朴素的估计，格子笔数少时波动大，结果里的 ``n_loans``
      帮助判断可信程度。

    Parameters
    ----------
    loans : DataFrame
        贷款表。
    rows : str, default "customer_group"
        行分组列。
    columns : str or None, default "industry"
        列分组列；``None`` 时只按 ``rows`` 分组。
    ead : str, default "balance"
        违约风险暴露（余额）列。
    prob_default : float or str, optional
        逐笔 PD 列或统一 PD（小数）。
    default_flag : str, optional
        0/1（或布尔）违约标志列，用格内违约率作 PD。
    default_dpd : int, optional
        给出时把 ``default_flag`` 当作逾期天数列，逾期超过 ``default_dpd`` 天算违约，
        例如 ``default_flag="max_dpd_to_date", default_dpd=90``（:func:`loan_book` 的列）。
    lgd : float or str, default 0.5
        违约损失率（示意值 50%），数字或列名。
    pivot : str, optional
        给出某个结果列名（如 ``"el_rate"``）时，返回 ``rows`` × ``columns`` 的交叉表。

    Returns
    -------
    DataFrame
        长表：分组列、``n_loans``、``ead``、``prob_default``（用模型 PD 时为格内按余额加权的 PD，
        用违约标志时为按笔数的违约率）、``expected_loss``、``el_rate``（= EL / EAD × 100，百分数，即这个格子的
        风险成本率）；或 ``pivot`` 指定的交叉表。

    Notes
    -----
    用某个时点的在册台账算历史违约率会**低估**：已核销、已结清的坏账不在台账里，
    观察期长短也不等于 12 个月。更严谨的做法是取一批放款满 12 个月的贷款，用其
    12 个月内是否 90 天以上逾期（示范县 ``applications.bad_12m``）作为 ``default_flag``。

    Examples
    --------
    >>> import pandas as pd
    >>> loans = pd.DataFrame({
    ...     "customer_group": ["coop", "coop", "individual_business", "individual_business"],
    ...     "industry": ["agri_production", "agri_production", "catering", "catering"],
    ...     "balance": [100.0, 100.0, 20.0, 30.0], "defaulted": [0, 1, 0, 0]})
    >>> t = expected_loss_table(loans, default_flag="defaulted")
    >>> t[["customer_group", "n_loans", "prob_default", "expected_loss", "el_rate"]]
            customer_group  n_loans  prob_default  expected_loss  el_rate
    0                 coop        2           0.5           50.0     25.0
    1  individual_business        2           0.0            0.0      0.0
    >>> expected_loss_table(loans, prob_default=0.02, pivot="el_rate")
    industry             agri_production  catering
    customer_group
    coop                             1.0       NaN
    individual_business              NaN       1.0
    """
    keys = [rows] + ([columns] if columns is not None else [])
    for k, pname in zip(keys, ["rows", "columns"]):
        if not isinstance(k, str):
            raise RuralfinTypeError(f"参数 {pname} 应为列名（字符串），实际是 {k!r}")
    check_frame(loans, keys + [ead], name="loans", numeric=[ead])
    if (prob_default is None) == (default_flag is None):
        raise RuralfinValueError(
            "参数 prob_default 与 default_flag 须给出且只给出一个：前者是模型 PD（列名或数字），"
            "后者是历史违约 0/1 列"
        )
    exposure = _value(loans, ead, "ead", frame="loans")
    lgdv = _value(loans, lgd, "lgd", frame="loans")
    work = loans[keys].copy()
    work["n_loans"] = 1
    work["ead"] = exposure
    if prob_default is not None:
        pdv = _value(loans, prob_default, "prob_default", frame="loans")
        work["_pd_ead"] = pdv * exposure
        work["expected_loss"] = pdv * lgdv * exposure
        g = work.groupby(keys, observed=True, sort=True)
        out = g[["n_loans", "ead", "_pd_ead", "expected_loss"]].sum()
        out["prob_default"] = _safe_div(out["_pd_ead"], out["ead"])
    else:
        if not isinstance(default_flag, str) or default_flag not in loans.columns:
            raise RuralfinValueError(
                f"参数 default_flag 指定的列 {default_flag!r} 不在 loans 中（现有列：{fmt_list(loans.columns)}）"
            )
        flag = loans[default_flag]
        if flag.isna().any():
            raise RuralfinValueError(
                f"loans 的列 {default_flag}（参数 default_flag）有 {int(flag.isna().sum())} 个缺失值"
            )
        if default_dpd is not None:
            limit = check_number(default_dpd, "default_dpd", min_value=0)
            if not pd.api.types.is_numeric_dtype(flag) or pd.api.types.is_bool_dtype(flag):
                raise RuralfinTypeError(
                    f"给了 default_dpd 时，loans 的列 {default_flag}（参数 default_flag）应为逾期天数，实际是 {flag.dtype}"
                )
            flag = flag > limit
        ok = pd.api.types.is_bool_dtype(flag) or (
            pd.api.types.is_numeric_dtype(flag) and set(np.unique(flag.to_numpy(dtype=float))) <= {0.0, 1.0}
        )
        if not ok:
            raise RuralfinValueError(
                f"loans 的列 {default_flag}（参数 default_flag）应只含 0/1 或 True/False；"
                "若是逾期天数，请同时给出 default_dpd（如 90）"
            )
        work["_flag"] = flag.to_numpy(dtype=float)
        work["_lgd_ead"] = lgdv * exposure
        g = work.groupby(keys, observed=True, sort=True)
        out = g[["n_loans", "ead", "_lgd_ead"]].sum()
        out["prob_default"] = g["_flag"].mean()
        out["expected_loss"] = out["prob_default"] * out["_lgd_ead"]
    out["el_rate"] = _safe_div(out["expected_loss"], out["ead"]) * 100.0
    out = out[["n_loans", "ead", "prob_default", "expected_loss", "el_rate"]].reset_index()
    if pivot is not None:
        if columns is None:
            raise RuralfinValueError("参数 pivot 需要同时给出 columns（列分组）")
        if pivot not in ("n_loans", "ead", "prob_default", "expected_loss", "el_rate"):
            raise RuralfinValueError(
                f"参数 pivot 不认识取值 {pivot!r}，可选：n_loans、ead、prob_default、expected_loss、el_rate"
            )
        return out.pivot(index=rows, columns=columns, values=pivot)
    return out


# ---------------------------------------------------------------------------
# 监管指标：两增两控与涉农贷款
# ---------------------------------------------------------------------------


def _to_timestamp(value: Any, name: str) -> pd.Timestamp:
    try:
        ts = pd.Timestamp(value)
    except (TypeError, ValueError) as exc:
        raise RuralfinValueError(f"参数 {name} 应为日期（如 '2025-12-31'），实际是 {value!r}") from exc
    if ts is pd.NaT:
        raise RuralfinValueError(f"参数 {name} 应为日期（如 '2025-12-31'），实际是 {value!r}")
    return ts


def loan_book(
    loans: pd.DataFrame,
    loan_monthly: pd.DataFrame,
    month: Any,
    *,
    loan_id: str = "loan_id",
    month_col: str = "month",
    balance: str = "balance",
    include_closed: bool = False,
    entities: pd.DataFrame | None = None,
    entity_columns: Sequence[str] = ("customer_group", "industry", "sub_industry", "township"),
    entity: str = "entity_id",
    dpd: str | None = "days_past_due",
) -> pd.DataFrame:
    """某个月末的贷款台账快照：当月的余额、逾期天数等，加上合同信息。

    把月度表现表 ``loan_monthly`` 中 ``month`` 那个月的行，与贷款合同表 ``loans``
    按 ``loan_id`` 合并，得到那个时点“在册”的每一笔贷款。

    Parameters
    ----------
    loans : DataFrame
        贷款合同表（示范县 ``loans``）。
    loan_monthly : DataFrame
        贷款月度表现表（示范县 ``loan_monthly``）。
    month : str or Timestamp
        月末日期，如 ``"2024-12-31"``。
    loan_id, month_col, balance : str
        两表共有的贷款编号列、月度表的月份列、余额列。
    include_closed : bool, default False
        是否保留余额为 0 的行（已结清）。
    entities : DataFrame, optional
        主体表；给出时按 ``entity`` 列带上 ``entity_columns``（客群、行业等），
        方便直接按客群 × 行业汇总。
    entity_columns : sequence of str
        从 ``entities`` 带过来的列（不存在的自动跳过）。
    entity : str, default "entity_id"
        主体编号列。
    dpd : str or None, default "days_past_due"
        逾期天数列；给出时追加 ``max_dpd_to_date``：这笔贷款从发放到 ``month``
        为止出现过的最长逾期天数。

    Returns
    -------
    DataFrame
        月度表当月的全部列，加上合同表中月度表没有的列（以及上面说明的可选列）。

    Examples
    --------
    >>> import pandas as pd
    >>> loans = pd.DataFrame({"loan_id": [1, 2], "contract_rate": [5.0, 6.0]})
    >>> monthly = pd.DataFrame({"loan_id": [1, 2, 1], "balance": [10.0, 0.0, 8.0],
    ...     "month": pd.to_datetime(["2024-12-31", "2024-12-31", "2025-01-31"])})
    >>> loan_book(loans, monthly, "2024-12-31", dpd=None)
       loan_id  balance      month  contract_rate
    0        1     10.0 2024-12-31            5.0
    """
    check_frame(loans, [loan_id], name="loans")
    check_frame(loan_monthly, [loan_id, month_col, balance], name="loan_monthly", numeric=[balance])
    ts = _to_timestamp(month, "month")
    months = pd.to_datetime(loan_monthly[month_col])
    snap = loan_monthly[(months == ts).to_numpy()]
    if snap.empty:
        avail = sorted(months.dropna().unique())
        span = f"{pd.Timestamp(avail[0]).date()} 至 {pd.Timestamp(avail[-1]).date()}" if avail else "（无）"
        raise RuralfinValueError(
            f"loan_monthly 中没有 {ts.date()} 的数据（参数 month）；已有月份：{span}，月份应为月末日期"
        )
    if not include_closed:
        snap = snap[snap[balance] > 0]
    if loans[loan_id].duplicated().any():
        raise RuralfinValueError(f"loans 的列 {loan_id} 有重复值，合同表应每笔贷款一行")
    extra = [c for c in loans.columns if c not in snap.columns or c == loan_id]
    out = snap.merge(loans[extra], on=loan_id, how="left", validate="many_to_one")
    if dpd is not None:
        check_frame(loan_monthly, [dpd], name="loan_monthly", numeric=[dpd])
        hist = loan_monthly[(months <= ts).to_numpy()]
        worst = hist.groupby(loan_id)[dpd].max().rename("max_dpd_to_date")
        out = out.merge(worst, left_on=loan_id, right_index=True, how="left")
    if entities is not None:
        check_frame(entities, [entity], name="entities")
        check_frame(out, [entity], name="loan_monthly")
        if entities[entity].duplicated().any():
            raise RuralfinValueError(f"entities 的列 {entity} 有重复值，主体表应每个主体一行")
        cols = [c for c in entity_columns if c in entities.columns and c not in out.columns]
        out = out.merge(entities[[entity] + cols], on=entity, how="left", validate="many_to_one")
    return out.reset_index(drop=True)


_SRC_2019 = ("《关于2019年进一步提升小微企业金融服务质效的通知》（China Banking News 2019-03-15；"
             "Xinhua 2019-03-13）——FACTS §1.1")
_SRC_2018 = "2018 年“两增两控”通知（英译转载 http://www.68fish.cn/uncategorized135/，页面无日期）——FACTS §1.1"
_SRC_2024 = "金融监管总局 2024-01-26 发布会（via urdupoint 2024-01-26）——FACTS §1.1"
_SRC_NPL = "《商业银行金融资产风险分类办法》（2023）：逾期超过 90 天至少归为次级——FACTS §1.3"

REGULATORY_INDICATORS = (
    "all_loans_growth", "inclusive_micro_growth", "inclusive_micro_borrowers", "all_loans_npl_ratio",
    "inclusive_micro_npl_ratio", "inclusive_micro_new_loan_rate", "agri_growth", "inclusive_agri_growth",
)


def _flag(df: pd.DataFrame, col: str, param: str, frame: str) -> np.ndarray:
    if col not in df.columns:
        raise RuralfinValueError(f"参数 {param} 指定的列 {col!r} 不在 {frame} 中（现有列：{fmt_list(df.columns)}）")
    s = df[col]
    if not pd.api.types.is_bool_dtype(s):
        raise RuralfinTypeError(f"{frame} 的列 {col}（参数 {param}）应为布尔值（True/False），实际是 {s.dtype}")
    if s.isna().any():
        raise RuralfinValueError(f"{frame} 的列 {col}（参数 {param}）有 {int(s.isna().sum())} 个缺失值")
    return s.to_numpy(dtype=bool)


def _infer_date(df: pd.DataFrame, given: Any, date_col: str, param: str, frame: str) -> pd.Timestamp:
    if given is not None:
        return _to_timestamp(given, param)
    if date_col in df.columns:
        vals = pd.to_datetime(df[date_col]).dropna().unique()
        if len(vals) == 1:
            return pd.Timestamp(vals[0])
    raise RuralfinValueError(
        f"无法确定 {frame} 的时点：请给出参数 {param}（如 '2025-12-31'），"
        f"或让 {frame} 含有只有一个取值的列 {date_col}"
    )


def regulatory_indicators(
    book_start: pd.DataFrame,
    book_end: pd.DataFrame,
    *,
    new_loans: pd.DataFrame | None = None,
    borrower: str = "entity_id",
    balance: str = "balance",
    credit_line: str | None = "borrower_credit_line",
    inclusive_micro: str = "is_inclusive_micro",
    agri: str = "is_agri_related",
    limit_threshold: float = 1000.0,
    threshold_inclusive: bool = True,
    inclusive_agri_limit: float | None = 1000.0,
    npl: str = "days_past_due",
    npl_dpd: int = 90,
    npl_margin: float = 3.0,
    rate: str = "contract_rate",
    amount: str = "loan_amount",
    origination: str = "origination_date",
    start_date: Any = None,
    end_date: Any = None,
    date_col: str = "month",
) -> pd.DataFrame:
    """从两个时点的贷款台账算“两增两控”和涉农贷款增速，逐项给出是否达标。

    口径（均可通过参数调整，见 Parameters）：

    - **普惠型小微企业贷款**：``inclusive_micro`` 标志为真，且借款人在本行的单户授信总额
      ``credit_line`` ≤ ``limit_threshold``（默认 1000 万元，金融监管总局口径“含”；
      ``threshold_inclusive=False`` 时为 < 1000 万元，即人民银行“普惠小微”口径）。
    - **两增**：① 普惠型小微贷款余额增速不低于各项贷款增速；② 有贷款余额的普惠型小微
      借款户数不低于期初。
    - **两控**：③ 普惠型小微不良率不高于各项贷款不良率 + ``npl_margin`` 个百分点（2019 年
      通知）；④ 新发放普惠型小微贷款平均利率——“合理控制贷款综合成本”**没有已核实的量化门槛**，
      本表只给出数值和相对上一个等长期间的升降，不判断达标与否。
    - **不良**：``npl`` 为布尔列时直接使用；为逾期天数列时按“逾期超过 ``npl_dpd`` 天”认定，
      这是《金融资产风险分类办法》的硬约束，只是不良的**下限**（其他原因也可能归为不良）。
    - **涉农贷款**增速与各项贷款增速对比：未核实到对涉农贷款总量的量化要求，只给方向。
    - **普惠型涉农贷款**：定义**未核实**；本表按“涉农且单户授信 ≤ ``inclusive_agri_limit``”
      计算，仅为教学假设（``inclusive_agri_limit=None`` 时不计算这一行）；2024 年金融监管总局
      目标为增速力争不低于各项贷款平均增速。

    增速 = 期末余额 / 期初余额 − 1。两个时点应取“上年同期”还是“年初”，各年文件说法不一
    （“较年初”口径未核实），由传入的两张台账决定。

    Parameters
    ----------
    book_start, book_end : DataFrame
        期初、期末的贷款台账，每行一笔在册贷款（例如 :func:`loan_book` 的结果）。
    new_loans : DataFrame, optional
        全部贷款合同（含已结清的），用于计算新发放贷款平均利率；不给时只能从期末台账里找
        期间内发放且仍在册的贷款（会漏掉期内已结清的短期贷款）。
    borrower, balance, credit_line, inclusive_micro, agri, rate, amount, origination : str
        借款人编号、余额、单户授信总额、普惠型小微标志、涉农标志、合同利率（百分数）、
        合同金额、发放日期各列。``credit_line=None`` 时只看 ``inclusive_micro`` 标志。
    limit_threshold : float, default 1000.0
        单户授信总额上限（与 ``credit_line`` 同单位，示范县为万元）。
    threshold_inclusive : bool, default True
        上限是否包含等于（≤）。
    inclusive_agri_limit : float or None, default 1000.0
        普惠型涉农贷款的单户授信上限（**教学假设，定义未核实**）；``None`` 不计算。
    npl : str, default "days_past_due"
        不良标志（布尔列）或逾期天数列。
    npl_dpd : int, default 90
        逾期天数超过多少天算不良。
    npl_margin : float, default 3.0
        不良率容忍度：普惠型小微不良率可高出各项贷款不良率的百分点数。
    start_date, end_date : date-like, optional
        期初、期末日期；不给时从两张台账的 ``date_col`` 列推断。
    date_col : str, default "month"
        台账中的时点列。

    Returns
    -------
    DataFrame
        每个指标一行：``indicator``、``value``（数值）、``benchmark``（对比基准）、``unit``、
        ``requirement``（要求）、``met``（是否达标；无量化要求或无法计算时为空）、
        ``direction``（相对基准高于/低于/持平）、``verified``（要求本身的可信度：V 已核实，
        S 二手来源，U 未核实）、``source``（出处）、``note``（口径说明）。
        增速、不良率、利率均为百分数。

    Examples
    --------
    >>> import pandas as pd
    >>> start = pd.DataFrame({"entity_id": [1, 2, 3], "balance": [100.0, 50.0, 850.0],
    ...     "borrower_credit_line": [200.0, 100.0, 2000.0], "is_inclusive_micro": [True, True, False],
    ...     "is_agri_related": [True, False, False], "days_past_due": [0, 0, 0],
    ...     "contract_rate": [5.0, 6.0, 4.0], "loan_amount": [100.0, 50.0, 900.0],
    ...     "origination_date": pd.to_datetime(["2024-03-01", "2024-06-01", "2023-01-01"])})
    >>> end = start.assign(balance=[120.0, 70.0, 810.0], days_past_due=[0, 120, 0])
    >>> t = regulatory_indicators(start, end, start_date="2024-12-31", end_date="2025-12-31")
    >>> t[["indicator", "value", "benchmark", "met"]].round(2)
                           indicator  value  benchmark    met
    0               all_loans_growth   0.00        NaN   None
    1         inclusive_micro_growth  26.67       0.00   True
    2      inclusive_micro_borrowers   2.00       2.00   True
    3            all_loans_npl_ratio   7.00        NaN   None
    4      inclusive_micro_npl_ratio  36.84      10.00  False
    5  inclusive_micro_new_loan_rate    NaN       5.33   None
    6                    agri_growth  20.00       0.00   None
    7          inclusive_agri_growth  20.00       0.00   True

    期内没有新发放的普惠型小微贷款，所以本期平均利率为空；基准 5.33% 是上一年新发放的
    两笔按金额加权：(5.0 × 100 + 6.0 × 50) / 150。
    """
    check_frame(book_start, [borrower, balance], name="book_start", numeric=[balance])
    check_frame(book_end, [borrower, balance], name="book_end", numeric=[balance])
    thr = check_number(limit_threshold, "limit_threshold", min_value=0)
    margin_pp = check_number(npl_margin, "npl_margin", min_value=0, max_value=100)
    if not isinstance(threshold_inclusive, bool):
        raise RuralfinTypeError(f"参数 threshold_inclusive 应为 True 或 False，实际是 {threshold_inclusive!r}")
    agri_thr = None if inclusive_agri_limit is None else check_number(
        inclusive_agri_limit, "inclusive_agri_limit", min_value=0)
    t0 = _infer_date(book_start, start_date, date_col, "start_date", "book_start")
    t1 = _infer_date(book_end, end_date, date_col, "end_date", "book_end")
    if t1 <= t0:
        raise RuralfinValueError(f"期末日期 {t1.date()} 应晚于期初日期 {t0.date()}（参数 start_date / end_date）")

    def under(df, frame, limit):
        if credit_line is None:
            return np.ones(len(df), dtype=bool)
        cl = _value(df, credit_line, "credit_line", frame=frame)
        return cl <= limit if threshold_inclusive else cl < limit

    def is_npl(df, frame):
        if npl not in df.columns:
            raise RuralfinValueError(f"参数 npl 指定的列 {npl!r} 不在 {frame} 中（现有列：{fmt_list(df.columns)}）")
        s = df[npl]
        if pd.api.types.is_bool_dtype(s):
            return _flag(df, npl, "npl", frame)
        if pd.api.types.is_numeric_dtype(s):
            if s.isna().any():
                raise RuralfinValueError(f"{frame} 的列 {npl}（参数 npl）有 {int(s.isna().sum())} 个缺失值")
            return s.to_numpy(dtype=float) > npl_dpd
        raise RuralfinTypeError(f"{frame} 的列 {npl}（参数 npl）应为布尔值或逾期天数，实际是 {s.dtype}")

    def summary(df, frame):
        bal = _value(df, balance, "balance", frame=frame)
        im = _flag(df, inclusive_micro, "inclusive_micro", frame) & under(df, frame, thr)
        ag = _flag(df, agri, "agri", frame)
        bad = is_npl(df, frame)
        has = bal > 0
        s = {
            "all": bal.sum(), "im": bal[im].sum(), "agri": bal[ag].sum(),
            "im_borrowers": df.loc[im & has, borrower].nunique(),
            "npl_all": bal[bad].sum(), "npl_im": bal[bad & im].sum(),
        }
        if agri_thr is not None:
            s["iagri"] = bal[ag & under(df, frame, agri_thr)].sum()
        return s

    s0, s1 = summary(book_start, "book_start"), summary(book_end, "book_end")

    def growth(key):
        return float(_safe_div(s1[key] - s0[key], s0[key]) * 100.0)

    g_all, g_im, g_agri = growth("all"), growth("im"), growth("agri")
    npl_all = float(_safe_div(s1["npl_all"], s1["all"]) * 100.0)
    npl_im = float(_safe_div(s1["npl_im"], s1["im"]) * 100.0)

    # 新发放普惠型小微贷款平均利率：本期 (t0, t1] 与上一个等长期间 (t0 - (t1 - t0), t0]
    def new_rate(df, frame, lo, hi):
        check_frame(df, [origination, rate, amount], name=frame, numeric=[rate, amount], allow_empty=True)
        if df.empty:
            return np.nan
        when = pd.to_datetime(df[origination])
        sel = ((when > lo) & (when <= hi)).to_numpy(dtype=bool, copy=True)
        sel = sel & _flag(df, inclusive_micro, "inclusive_micro", frame) & under(df, frame, thr)
        amt = df[amount].to_numpy(dtype=float)[sel]
        r = df[rate].to_numpy(dtype=float)[sel]
        return float(_safe_div((r * amt).sum(), amt.sum())) if sel.any() else np.nan

    prev_lo = t0 - (t1 - t0)
    if new_loans is not None:
        check_frame(new_loans, name="new_loans")
        rate_now = new_rate(new_loans, "new_loans", t0, t1)
        rate_prev = new_rate(new_loans, "new_loans", prev_lo, t0)
        rate_note = "按合同金额加权；来自全部贷款合同"
    else:
        rate_now = new_rate(book_end, "book_end", t0, t1)
        rate_prev = new_rate(book_start, "book_start", prev_lo, t0)
        rate_note = ("按合同金额加权；只含期末（上期为期初）仍在册的贷款，期内已结清的会被漏掉，"
                     "给出 new_loans（全部合同）更准确")

    def direction(v, b):
        if not (np.isfinite(v) and np.isfinite(b)):
            return None
        return "above" if v > b + 1e-9 else "below" if v < b - 1e-9 else "equal"

    period = f"{t0.date()} 至 {t1.date()}"
    cmp = "≤" if threshold_inclusive else "<"
    im_def = (f"普惠型小微：{inclusive_micro} 为真且单户授信 {cmp} {thr:g}（与 {credit_line} 同单位）"
              if credit_line is not None else f"普惠型小微：{inclusive_micro} 为真")
    npl_def = (f"不良以列 {npl} 为准" if pd.api.types.is_bool_dtype(book_end[npl])
               else f"不良按逾期超过 {npl_dpd} 天认定（只是下限，{_SRC_NPL}）")
    rows = [
        ("all_loans_growth", g_all, np.nan, "%", "—（对比基准）", pd.NA, None, "", "",
         f"各项贷款余额增速，{period}"),
        ("inclusive_micro_growth", g_im, g_all, "%", "不低于各项贷款增速", g_im >= g_all - 1e-9
         if np.isfinite(g_im) and np.isfinite(g_all) else pd.NA, direction(g_im, g_all), "V",
         f"{_SRC_2019}；首次提出见 {_SRC_2018}（年份 2018 未核实）", f"{im_def}；{period}"),
        ("inclusive_micro_borrowers", float(s1["im_borrowers"]), float(s0["im_borrowers"]), "户",
         "有贷款余额的户数不低于期初", s1["im_borrowers"] >= s0["im_borrowers"],
         direction(s1["im_borrowers"], s0["im_borrowers"]), "S", _SRC_2018,
         "2019 年通知表述为“客户数高于上年”[V]；比较基期（上年同期或年初）未核实"),
        ("all_loans_npl_ratio", npl_all, np.nan, "%", "—（对比基准）", pd.NA, None, "", "",
         f"期末各项贷款不良率；{npl_def}"),
        ("inclusive_micro_npl_ratio", npl_im, npl_all + margin_pp, "%",
         f"不高于各项贷款不良率 + {margin_pp:g} 个百分点",
         npl_im <= npl_all + margin_pp + 1e-9 if np.isfinite(npl_im) and np.isfinite(npl_all) else pd.NA,
         direction(npl_im, npl_all + margin_pp), "V", _SRC_2019,
         f"期末普惠型小微不良率；容忍度以风险总体可控为前提；{npl_def}"),
        ("inclusive_micro_new_loan_rate", rate_now, rate_prev, "%",
         "合理控制贷款综合成本（无已核实的量化门槛，只看升降）", pd.NA, direction(rate_now, rate_prev), "S",
         _SRC_2018, f"本期 {period} 新发放，基准为上一个等长期间；{rate_note}"),
        ("agri_growth", g_agri, g_all, "%", "对比各项贷款增速（未核实到对涉农贷款总量的量化要求）", pd.NA,
         direction(g_agri, g_all), "U", "", f"涉农：{agri} 为真；{period}"),
    ]
    if agri_thr is not None:
        g_ia = growth("iagri")
        rows.append((
            "inclusive_agri_growth", g_ia, g_all, "%", "力争不低于各项贷款平均增速",
            g_ia >= g_all - 1e-9 if np.isfinite(g_ia) and np.isfinite(g_all) else pd.NA,
            direction(g_ia, g_all), "U", _SRC_2024,
            f"要求已核实（2024 年目标），但普惠型涉农贷款的定义未核实：本表按“{agri} 为真且单户授信 "
            f"{cmp} {agri_thr:g}”计算，仅为教学假设",
        ))
    out = pd.DataFrame(rows, columns=["indicator", "value", "benchmark", "unit", "requirement", "met",
                                      "direction", "verified", "source", "note"])
    # 用 True/False/None 的 object 列：to_display 目前处理不了带 NA 的可空布尔列
    out["met"] = pd.Series([None if v is pd.NA or v is None else bool(v) for v in out["met"]],
                           index=out.index, dtype=object)
    out["value"] = out["value"].astype(float)
    out["benchmark"] = out["benchmark"].astype(float)
    return out


#: 以整数计的单位：户数等显示成 2,828，不带小数。
_COUNT_UNITS = ("户", "笔", "个", "人", "家")


def format_indicators(table: pd.DataFrame, *, digits: int = 2) -> pd.DataFrame:
    """把 :func:`regulatory_indicators` 的结果排成给人看的文字，再交给 ``rf.to_display`` 展示。

    指标表是一张“长表”：同一列里既有百分数，也有户数，直接显示时户数会被写成 ``2828.00``；
    没有对比基准、没有量化要求的格子显示为 ``NaN``。本函数逐格写成文字：

    - ``value``、``benchmark``：百分数等保留 ``digits`` 位小数；户数等计数（单位为户、笔、个……）
      写成带千分位的整数，如 ``2,828``；这一行本身就是对比基准、或算不出来（如期内没有新发放贷款）时为 ``—``；
    - ``met``：``达标`` / ``未达标``；这一行本身是对比基准时为 ``—``，有基准但没有已核实的量化
      要求（只看升降）时为 ``—（只看方向）``，算不出来时为 ``—（无法计算）``。

    其余列（``indicator``、``verified`` 等编码）原样保留，由 ``rf.to_display`` 换成中文。
    返回新表，不修改 ``table``；要计算请用原表的数值。

    Parameters
    ----------
    table : DataFrame
        :func:`regulatory_indicators` 的结果（至少含 ``value``、``benchmark``、``unit``、``met`` 列）。
    digits : int, default 2
        非计数指标保留的小数位数。

    Returns
    -------
    DataFrame
        列与 ``table`` 相同，``value``、``benchmark``、``met`` 为文字。

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"indicator": ["all_loans_growth", "inclusive_micro_borrowers", "inclusive_micro_new_loan_rate"],
    ...     "value": [13.7834, 2873.0, 4.5312], "benchmark": [float("nan"), 2828.0, 4.74], "unit": ["%", "户", "%"],
    ...     "met": [None, True, None]})
    >>> format_indicators(t)[["value", "benchmark", "met"]]
       value benchmark      met
    0  13.78         —        —
    1  2,873     2,828       达标
    2   4.53      4.74  —（只看方向）
    """
    from .labels import value_label

    check_frame(table, ["value", "benchmark", "unit", "met"], name="table", numeric=["value", "benchmark"])
    if isinstance(digits, bool) or not isinstance(digits, int) or digits < 0:
        raise RuralfinValueError(f"参数 digits 应为不小于 0 的整数，实际是 {digits!r}")

    def number(v, unit):
        if pd.isna(v):
            return "—"
        return f"{v:,.0f}" if str(unit) in _COUNT_UNITS else f"{v:,.{digits}f}"

    def met(m, v, b):
        if m is not None and not pd.isna(m):
            return value_label("met", bool(m))
        if pd.isna(b):
            return "—"
        return "—（无法计算）" if pd.isna(v) else "—（只看方向）"

    out = table.copy()
    rows = zip(table["value"], table["benchmark"], table["unit"], table["met"])
    shown = [(number(v, u), number(b, u), met(m, v, b)) for v, b, u, m in rows]
    for j, col in enumerate(["value", "benchmark", "met"]):
        out[col] = pd.Series([r[j] for r in shown], index=table.index, dtype=object)
    return out


# ---------------------------------------------------------------------------
# 图
# ---------------------------------------------------------------------------


def plot_rate_buildup(
    data: pd.DataFrame | None = None,
    *,
    reference: float | None = None,
    reference_label: str | None = None,
    title: str | None = None,
    ax=None,
):
    """定价拆解瀑布图：从资金成本一级一级叠到保本利率和对客利率。

    Parameters
    ----------
    data : DataFrame, optional
        :func:`rate_buildup` 的结果（**一笔**贷款或一个客群，即 7 行）；不给时用
        ``rate_buildup()`` 的默认示意算例。
    reference : float, optional
        参考利率（百分数），画一条水平虚线，例如新发放普惠型小微贷款平均利率 4.45。
    reference_label : str, optional
        参考线的图例文字。
    title : str, optional
        图标题；默认“贷款定价拆解”。
    ax : matplotlib Axes, optional
        画在哪个坐标轴上；不给时新建。

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> ax = plot_rate_buildup(rate_buildup(margin=0.5), reference=4.45,
    ...                        reference_label="2024 年 1–4 月新发放普惠型小微贷款平均利率")
    >>> [t.get_text() for t in ax.get_xticklabels()][:2]
    ['资金成本（FTP）', '运营成本']
    >>> import matplotlib.pyplot as plt; plt.close("all")
    """
    from .plotting import get_ax

    from . import labels

    if data is None:
        data = rate_buildup()
    check_frame(data, ["component", "kind", "component_rate", "bar_start", "bar_end"], name="data",
                numeric=["component_rate", "bar_start", "bar_end"])
    if len(data) != len(_COMPONENTS):
        raise RuralfinValueError(
            f"plot_rate_buildup 一次只画一笔贷款或一个客群（{len(_COMPONENTS)} 行），实际有 {len(data)} 行；"
            "请先筛选，例如 buildup[buildup['customer_group'] == 'coop']"
        )
    if reference is not None:
        reference = _value(None, reference, "interest_rate")
    ax = get_ax(ax, figsize=(8, 4.5))
    colors = {"component": "#4C72B0", "subtotal": "#8C8C8C", "total": "#C44E52"}
    x = np.arange(len(data))
    starts = data["bar_start"].to_numpy(float)
    ends = data["bar_end"].to_numpy(float)
    kinds = data["kind"].tolist()
    comps = data["component"].tolist()
    cols = ["#55A868" if c == "margin" else colors.get(k, "#4C72B0") for k, c in zip(kinds, comps)]
    ax.bar(x, ends - starts, bottom=starts, color=cols, width=0.6, edgecolor="white")
    for xi, s, e in zip(x, starts, ends):
        ax.annotate(f"{e - s:.2f}%", (xi, max(s, e)), ha="center", va="bottom", fontsize=9,
                    xytext=(0, 2), textcoords="offset points")
    for xi in x[:-1]:
        ax.plot([xi + 0.3, xi + 0.7], [ends[xi], ends[xi]], color="#999999", lw=0.8, ls=":")
    ax.set_xticks(x)
    ax.set_xticklabels([labels.value_label("component", c) for c in comps], rotation=20, ha="right")
    ax.set_ylabel(labels.label("component_rate"))
    if reference is not None:
        ax.axhline(reference, color="#DD8452", ls="--", lw=1.2,
                   label=reference_label or labels.label("reference_rate", unit=False))
        ax.legend(loc="upper left", frameon=False)
    ax.set_title(title if title is not None else "贷款定价拆解")
    top = max(float(ends.max()), reference or 0.0)
    ax.set_ylim(0, top * 1.15 if top > 0 else 1)
    return ax
# ---------------------------------------------------------------------------
# 全国公开统计数（均摘自课程事实核查表 FACTS.md §1.4、§2、§3.5）
# ---------------------------------------------------------------------------

_SRC = {
    "xinhua2019": "Xinhua 2019-03-13（镜像 http://www.huazhongcx.com/english/2019-03/13/c_137892214.htm）",
    "cbn2019": "China Banking News 2019-03-15 http://www.chinabankingnews.com/2019/03/15/cbirc-loosens-non-performing-requirements-for-financial-inclusion-small-and-micro-loans/",
    "rmrb2020": "人民日报 2020-11-02 http://apecsme.org/qiye/2020110226315.html",
    "gov2021": "https://english.www.gov.cn/archive/statistics/202102/16/content_WS602bcd28c6d0719374af8ea1.html",
    "cbn2022": "https://www.chinabankingnews.com/2022/04/08/chinas-agricultural-loan-balance-grows-11-83-in-2021/",
    "people2022a": "http://en.people.cn/n3/2022/0109/c90000-9942417.html",
    "urdu2021": "https://www.urdupoint.com/en/miscellaneous/china-reports-growth-in-loans-to-small-firms-1304430.html",
    "people2022b": "http://en.people.cn/n3/2022/0801/c90000-10129744.html",
    "scio2022": "http://english.scio.gov.cn/pressroom/2022-08/01/content_78351395.htm",
    "cctv2022": "央视网 https://m.news.shi-fen.com/china/202212/50-1436586.html",
    "people2024a": "http://en.people.cn/n3/2024/0214/c90000-20133452.html",
    "urdu2024a": "https://www.urdupoint.com/en/business/chinas-inclusive-finance-sector-maintains-ra-1795851.html",
    "urdu2024b": "https://www.urdupoint.com/en/world/china-extends-more-inclusive-loans-to-small-b-1788965.html",
    "xinhua2024": "新华社 http://m.cnhengkun.cn/yw/detail/20240506/1000200033137441714959345664729209_1.html ；http://en.people.cn/n3/2024/0503/c90000-20164178.html",
    "bjnews2024": "新京报 2024-05-31 https://ucmanga.com/a/4yue-mo-quan-guo-pu-hui-xing-xiao-wei-qi-ye-dai-kuan-yu-e-tong-bi-zeng-chang-20-31.html",
    "caixin2025": "Caixin 2025-07-26 https://www.caixinglobal.com/2025-07-26/early-access-to-the-weekly-inclusive-finance-sees-robust-growth-amid-headwindswhat-are-the-hidden-risks-102345585.html",
    "people2025": "http://en.people.cn/n3/2025/1115/c90000-20390786.html",
    "gmt2026": "https://gmt8press.com/flash/detail/1203158（2026-02-10，转述 PBOC）",
    "nation2024": "https://www.nation.com.pk/25-Feb-2024/china-s-inclusive-loans-to-small-businesses-grow-in-jan",
    "rmrb2023": "人民日报 2023-12-21（镜像 https://cpcti.com/xinwen/122111.html ；http://tcdy.org.cn/show-152577.html）",
    "fv2017": "http://www.fruitandvegonline.com/news/2017/405793.html（2017-03-22）",
    "ib2022": "人民日报 2022-02-10 https://xncapp.cn/article/zixundongtai/shizhengyaowen/20220210/46051.html",
    "ib2024": "中国青年报/人民日报 2024 http://luncong.cn/yacpzs/show.asp?id=53590",
    "lpr2025": "S&P Global 2025-05-20 https://www.spglobal.com/market-intelligence/en/news-insights/articles/2025/5/china-cuts-key-lending-reference-rates-to-new-alltime-lows-89107190",
    "lpr2026": "Xinhua via http://en.people.cn/n3/2026/0120/c90000-20416397.html",
}

# (figure, category, stat_basis, period, value, unit, growth_pct, growth_basis, verified, source key, note)
_PUBLIC = [
    ("inclusive_sme_loans_nfra", "loan_balance", "NFRA", "2018 末", 9.36, "万亿元", 21.79, "较年初", "V", "xinhua2019", ""),
    ("inclusive_sme_loans_nfra", "loan_balance", "NFRA", "2021-11 末", 18.7, "万亿元", 24.1, "同比", "V", "people2022a", ""),
    ("inclusive_sme_loans_nfra", "loan_balance", "NFRA", "2022-10 末", 22.9, "万亿元", 23.8, "同比", "V", "cctv2022", ""),
    ("inclusive_sme_loans_nfra", "loan_balance", "NFRA", "2023 末", 29.06, "万亿元", 23.27, "同比", "V", "urdu2024b", ""),
    ("inclusive_sme_loans_nfra", "loan_balance", "NFRA", "2024-04 末", 31.02, "万亿元", 20.31, "同比", "V", "bjnews2024", ""),
    ("inclusive_sme_loans_nfra", "loan_balance", "NFRA", "2025Q3 末", 36.5, "万亿元", 12.1, "同比", "V", "people2025", ""),
    ("inclusive_sme_loans_pboc", "loan_balance", "PBOC", "2020Q3 末", 14.6, "万亿元", 29.6, "同比", "V", "rmrb2020", ""),
    ("inclusive_sme_loans_pboc", "loan_balance", "PBOC", "2020 末", 15.1, "万亿元", 30.3, "同比", "V", "gov2021", ""),
    ("inclusive_sme_loans_pboc", "loan_balance", "PBOC", "2022-06 末", np.nan, "万亿元", 23.8, "同比", "V", "scio2022", "来源只给出增速"),
    ("inclusive_sme_loans_pboc", "loan_balance", "PBOC", "2023 末", 29.4, "万亿元", 23.5, "同比", "V", "urdu2024a", ""),
    ("inclusive_sme_loans_pboc", "loan_balance", "PBOC", "2024Q1 末", 33.41, "万亿元", 20.3, "同比", "V", "xinhua2024", ""),
    ("inclusive_sme_loans_pboc", "loan_balance", "PBOC", "2025Q2 末", 35.57, "万亿元", 12.3, "同比", "V", "caixin2025", ""),
    ("inclusive_sme_loans_pboc", "loan_balance", "PBOC", "2025 末", 36.6, "万亿元", 11.1, "同比", "S", "gmt2026", "二手来源，引用前请核对人民银行原报告"),
    ("inclusive_sme_credit_loans_nfra", "loan_balance", "NFRA", "2024-01 末", 7.35, "万亿元", 48.96, "同比", "V", "nation2024", "普惠型小微企业贷款中的信用贷款"),
    ("agri_loans", "loan_balance", "PBOC", "2020Q3 末", 38.71, "万亿元", 11.1, "同比", "V", "rmrb2020", "本外币"),
    ("agri_loans", "loan_balance", "CBIRC", "2021 末", 43.21, "万亿元", 11.83, "较年初", "V", "cbn2022", "原银保监会口径"),
    ("agri_loans", "loan_balance", "PBOC", "2022-06 末", 47.1, "万亿元", 13.1, "同比", "V", "people2022b", "本外币"),
    ("agri_loans", "loan_balance", "PBOC", "2023 末", 56.6, "万亿元", 14.9, "同比", "V", "people2024a", "本外币"),
    ("agri_loans", "loan_balance", "PBOC", "2024Q1 末", 60.19, "万亿元", 13.5, "同比", "V", "xinhua2024", "本外币"),
    ("agri_loans", "loan_balance", "PBOC", "2025 末", 53.6, "万亿元", 6.5, "同比", "S", "gmt2026",
     "低于 2024Q1 的 60.19 万亿元，疑为统计口径调整；二手来源，引用前请核对人民银行原报告"),
    ("inclusive_agri_loans", "loan_balance", "CBIRC", "2021 末", 8.88, "万亿元", 17.48, "同比", "V", "cbn2022",
     "增速高于各项贷款 6.19 个百分点；普惠型涉农贷款的精确定义未核实"),
    ("inclusive_agri_loans", "loan_balance", "NFRA", "2025Q3 末", 14.1, "万亿元", np.nan, "", "V", "people2025",
     "较年初增加 1.2 万亿元；普惠型涉农贷款的精确定义未核实"),
    ("rural_loans", "loan_balance", "PBOC", "2023 末", 47.26, "万亿元", 15.2, "同比", "V", "people2024a", "农村（县及县以下）贷款"),
    ("rural_loans", "loan_balance", "PBOC", "2024Q1 末", 50.36, "万亿元", 13.9, "同比", "V", "xinhua2024", "农村（县及县以下）贷款"),
    ("agriculture_loans", "loan_balance", "PBOC", "2023 末", 5.84, "万亿元", 15.4, "同比", "V", "people2024a", ""),
    ("agriculture_loans", "loan_balance", "PBOC", "2024Q1 末", 6.33, "万亿元", 14.7, "同比", "V", "xinhua2024", ""),
    ("farm_household_loans", "loan_balance", "PBOC", "2024Q1 末", 17.72, "万亿元", 11.6, "同比", "V", "xinhua2024", ""),
    ("farm_household_business_loans", "loan_balance", "PBOC", "2020 末", 5.99, "万亿元", 11.5, "同比", "V", "gov2021", ""),
    ("farm_household_business_loans", "loan_balance", "PBOC", "2023 末", 9.24, "万亿元", 18.0, "同比", "V", "urdu2024a", ""),
    ("farm_household_business_loans", "loan_balance", "PBOC", "2024Q1 末", 9.95, "万亿元", 17.1, "同比", "V", "xinhua2024", ""),
    ("inclusive_sme_new_loan_rate", "loan_rate", "NFRA", "2018Q4", 7.02, "%", np.nan, "", "V", "cbn2019", ""),
    ("inclusive_sme_new_loan_rate", "loan_rate", "NFRA", "2021 年 1–5 月", 5.68, "%", np.nan, "", "V", "urdu2021", ""),
    ("inclusive_sme_new_loan_rate", "loan_rate", "NFRA", "2022 年 1–10 月", 5.28, "%", np.nan, "", "V", "cctv2022", "较上年下降 0.42 个百分点"),
    ("inclusive_sme_new_loan_rate", "loan_rate", "NFRA", "2023 全年", 4.78, "%", np.nan, "", "V", "urdu2024b", "较上年下降 0.47 个百分点"),
    ("inclusive_sme_new_loan_rate", "loan_rate", "NFRA", "2024 年 1–4 月", 4.45, "%", np.nan, "", "V", "bjnews2024",
     "较上年下降 0.33 个百分点；2018Q1 以来累计下降 3.37 个百分点"),
    ("lpr_1y", "loan_rate", "PBOC", "2025-05-20 起", 3.0, "%", np.nan, "", "V", "lpr2025", "1 年期 LPR；2026-01-20 维持 3.0%"),
    ("commercial_bank_npl_ratio", "other", "NFRA", "2025Q3 末", 1.52, "%", np.nan, "", "V", "people2025", "商业银行不良贷款率"),
    ("family_farms", "entity_count", "农业农村部", "2023-10 末", 400.0, "万个", np.nan, "", "V", "rmrb2023", "纳入名录管理的家庭农场“近 400 万个”"),
    ("farmer_cooperatives", "entity_count", "农业农村部", "2023-10 末", 221.6, "万家", np.nan, "", "V", "rmrb2023", "依法登记的农民合作社；另有联合社 1.5 万家"),
    ("family_farm_net_profit", "other", "农业农村部", "2023-10 末", 11.6, "万元", np.nan, "", "V", "rmrb2023", "家庭农场平均年净利润"),
    ("new_agri_entities", "entity_count", "农业农村部", "2016 末", 280.0, "万个", np.nan, "", "V", "fv2017", "新型农业经营主体约 280 万个（家庭农场 87.7 万、合作社 179.4 万）"),
    ("individual_businesses", "entity_count", "市场监管总局", "2021 末", 10300.0, "万户", np.nan, "", "V", "ib2022", "约占市场主体 2/3"),
    ("individual_businesses", "entity_count", "市场监管总局", "2023 末", 12400.0, "万户", 11.4, "全年新设户数增速", "V", "ib2024",
     "占经营主体 67.4%，支撑近 3 亿人就业；全年新设 2258.2 万户"),
]

PUBLIC_FIGURE_CATEGORIES = ("loan_balance", "loan_rate", "entity_count", "other")


def public_figures(category: str | None = None, *, figure: str | None = None) -> pd.DataFrame:
    """课程引用的全国公开统计数：每个数都带时点、口径、来源和可信度。

    全部摘自课程事实核查表（``FACTS.md`` §1.4、§2、§3.5），不含任何估算。
    ``verified`` 为 ``V`` 表示已在所列来源中看到，``S`` 表示只见于二手来源、
    引用前应核对原文。注意两套“普惠小微”口径不能混用：``PBOC``（人民银行，
    单户授信 < 1000 万元，含个体工商户和小微企业主经营性贷款）与 ``NFRA``
    （金融监管总局“普惠型小微企业贷款”，单户授信 ≤ 1000 万元）。

    Parameters
    ----------
    category : str, optional
        只取一类：``loan_balance``（贷款余额）、``loan_rate``（利率）、
        ``entity_count``（主体数量）、``other``。
    figure : str, optional
        只取一个指标，如 ``"inclusive_sme_new_loan_rate"``。

    Returns
    -------
    DataFrame
        列：``figure``、``category``、``stat_basis``（统计口径）、``period``（时点）、
        ``value``、``unit``、``growth_pct``（增速，百分数）、``growth_basis``（同比/较年初）、
        ``verified``、``note``、``source``。``value`` 的单位见 ``unit`` 列（利率一行为百分数）。

    Examples
    --------
    >>> rates = public_figures(figure="inclusive_sme_new_loan_rate")
    >>> rates[["period", "value", "verified"]]
               period  value verified
    0          2018Q4   7.02        V
    1   2021 年 1–5 月   5.68        V
    2  2022 年 1–10 月   5.28        V
    3         2023 全年   4.78        V
    4  2024 年 1–4 月   4.45        V
    >>> sorted(public_figures("entity_count")["figure"].unique())
    ['family_farms', 'farmer_cooperatives', 'individual_businesses', 'new_agri_entities']
    """
    cols = ["figure", "category", "stat_basis", "period", "value", "unit", "growth_pct",
            "growth_basis", "verified", "source", "note"]
    df = pd.DataFrame([r[:9] + (_SRC[r[9]], r[10]) for r in _PUBLIC], columns=cols)
    df = df[["figure", "category", "stat_basis", "period", "value", "unit", "growth_pct",
             "growth_basis", "verified", "note", "source"]]
    if category is not None:
        if category not in PUBLIC_FIGURE_CATEGORIES:
            raise RuralfinValueError(
                f"参数 category 不认识取值 {category!r}，可选：{fmt_list(PUBLIC_FIGURE_CATEGORIES)}"
            )
        df = df[df["category"] == category]
    if figure is not None:
        known = list(dict.fromkeys(r[0] for r in _PUBLIC))
        if figure not in known:
            raise RuralfinValueError(f"参数 figure 不认识取值 {figure!r}，可选：{fmt_list(known, limit=40)}")
        df = df[df["figure"] == figure]
    return df.reset_index(drop=True)


def plot_yield_comparison(
    data: pd.DataFrame,
    *,
    threshold: float = 0.0,
    clip: tuple[float, float] | None = (-10.0, 15.0),
    ax=None,
):
    """贷款净收益率 vs 综合收益率散点图：谁靠存款结算补回了薄利差，谁反而被拖累。

    横轴是只看贷款的净收益率，纵轴是综合收益率，颜色按 ``yield_pattern``；
    对角线以上的客户，存款与中收在给银行加分。虚线是门槛 ``threshold``。

    Parameters
    ----------
    data : DataFrame
        :func:`comprehensive_yield` 的结果（没有贷款的客户自动略去）。
    threshold : float, default 0.0
        门槛收益率（百分数），与计算 ``yield_pattern`` 时一致。
    clip : (float, float) or None, default (-10, 15)
        把极端值压到这个范围内再画，避免个别客户把图拉变形；``None`` 不压缩。
    ax : matplotlib Axes, optional
        画在哪个坐标轴上；不给时新建。

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import pandas as pd
    >>> cust = pd.DataFrame({"loan_balance": [100.0, 100.0, 0.0], "loan_rate": [3.5, 6.0, 0.0],
    ...                      "deposit_balance": [80.0, 0.0, 10.0], "fee_income": [0.5, 0.0, 0.1]})
    >>> ax = plot_yield_comparison(comprehensive_yield(cust))
    >>> sorted(t.get_text() for t in ax.get_legend().get_texts())
    ['利差不足、综合补回', '利差与综合都达标']
    >>> import matplotlib.pyplot as plt; plt.close("all")
    """
    from .plotting import get_ax

    from . import labels

    check_frame(data, ["loan_net_yield", "comprehensive_yield", "yield_pattern"], name="data",
                numeric=["loan_net_yield", "comprehensive_yield"])
    thr = _value(None, threshold, "threshold")
    d = data[data["yield_pattern"].astype(object) != "no_loan"]
    if d.empty:
        raise RuralfinValueError("data 中没有有贷款的客户（yield_pattern 全是 no_loan），无从比较")
    x = d["loan_net_yield"].to_numpy(dtype=float)
    y = d["comprehensive_yield"].to_numpy(dtype=float)
    if clip is not None:
        lo, hi = (float(clip[0]), float(clip[1]))
        if not lo < hi:
            raise RuralfinValueError(f"参数 clip 应为 (下限, 上限) 且下限小于上限，实际是 {clip!r}")
        x, y = np.clip(x, lo, hi), np.clip(y, lo, hi)
    ax = get_ax(ax, figsize=(6.5, 6))
    colors = {"both_good": "#4C72B0", "rescued": "#55A868", "eroded": "#DD8452", "both_poor": "#C44E52"}
    pattern = d["yield_pattern"].astype(object).to_numpy()
    for code, color in colors.items():
        sel = pattern == code
        if sel.any():
            ax.scatter(x[sel], y[sel], s=14, alpha=0.6, color=color, edgecolors="none",
                       label=labels.value_label("yield_pattern", code))
    lo_ax = float(min(x.min(), y.min(), thr)) - 0.5
    hi_ax = float(max(x.max(), y.max(), thr)) + 0.5
    ax.plot([lo_ax, hi_ax], [lo_ax, hi_ax], color="#999999", lw=0.8, ls=":")
    ax.axvline(thr, color="#999999", lw=0.8, ls="--")
    ax.axhline(thr, color="#999999", lw=0.8, ls="--")
    ax.set_xlim(lo_ax, hi_ax)
    ax.set_ylim(lo_ax, hi_ax)
    ax.set_xlabel(labels.label("loan_net_yield"))
    ax.set_ylabel(labels.label("comprehensive_yield"))
    ax.legend(loc="upper left", frameon=False, title=labels.label("yield_pattern", unit=False))
    return ax
