"""贷款定价：成本加成的利率拆解、保本利率（门槛利率）与 RAROC。

- :func:`loan_pricing` / :func:`rate_buildup` / :func:`break_even_rate`：成本加成定价，
  对客利率 = 资金成本 (FTP) + 运营成本率 + 预期损失率 (PD × LGD)
  + 资本成本率 (风险权重 × 资本充足率要求 × 股东要求回报率) + 目标利润；
  前四项之和就是保本利率（门槛利率）。
- :func:`raroc`：逐笔或按客群的风险调整资本回报率。
- :func:`plot_rate_buildup`：定价拆解的瀑布图。

默认参数（FTP 2.0%、运营成本 1.2%、PD 2%、LGD 50%、风险权重 75%、资本充足率 10.5%、
股东要求回报 12%）是课程的**教学示意算例**，**不是监管规定**；单位约定见
:mod:`ruralfin.economics`。
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from .. import labels
from .._validation import check_frame, column_names, numeric_column
from ..errors import RuralfinValueError
from ._params import parameter_value, ratio

__all__ = [
    "PRICING_EXAMPLE",
    "break_even_rate",
    "loan_pricing",
    "rate_buildup",
    "raroc",
    "plot_rate_buildup",
]

#: 课程的教学示意算例（不是监管规定；风险权重 75% 未经核实）。
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

_PRICING_PARAMS = ("ftp_rate", "opex_rate", "prob_default", "lgd", "risk_weight", "capital_ratio", "hurdle_rate")


def _pricing_arrays(df, params: dict[str, Any], margin: Any) -> dict[str, Any]:
    v = {p: parameter_value(df, params[p], p) for p in _PRICING_PARAMS}
    v["margin"] = parameter_value(df, margin, "margin")
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
    课程的示意算例：2.0% + 1.2% + 2%×50% + 75%×10.5%×12% ≈ 5.15%。

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
        默认值是课程的**教学示意数**，风险权重 75% **未经核实**，
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
    df = None if data is None else check_frame(data, name="data")
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
    df = None if data is None else check_frame(data, name="data")
    if df is None and by is not None:
        raise RuralfinValueError("参数 by 只在给出 data（贷款表或客群表）时才能用")
    keys = column_names(df, by, param="by", frame="data") if df is not None else []
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
    contract_rate: float | str = "contract_rate",
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
    contract_rate : float or str, default "contract_rate"
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
    hurdle = parameter_value(None, hurdle_rate, "hurdle_rate")
    bal = parameter_value(loans, balance, "balance", frame="loans")
    exposure = bal if ead is None else parameter_value(loans, ead, "ead", frame="loans")
    rate = parameter_value(loans, contract_rate, "contract_rate", frame="loans")
    fee = parameter_value(loans, fee_income, "fee_income", frame="loans")
    ftp = parameter_value(loans, ftp_rate, "ftp_rate", frame="loans")
    opex = parameter_value(loans, opex_rate, "opex_rate", frame="loans")
    pdv = parameter_value(loans, prob_default, "prob_default", frame="loans")
    lgdv = parameter_value(loans, lgd, "lgd", frame="loans")
    rw = parameter_value(loans, risk_weight, "risk_weight", frame="loans")
    cr = parameter_value(loans, capital_ratio, "capital_ratio", frame="loans")
    keys = column_names(loans, by, param="by", frame="loans")

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
        out["raroc"] = ratio(res["risk_adjusted_profit"], res["regulatory_capital"])
        out["meets_hurdle"] = out["raroc"] >= hurdle
        return out
    for k in keys:
        res[k] = loans[k]
    g = res.groupby(keys, observed=True, sort=True, dropna=False)
    out = g[_RAROC_SUMS].sum().rename(columns={"balance": "loan_balance"})
    out.insert(0, "n_loans", g.size())
    out["raroc"] = ratio(out["risk_adjusted_profit"], out["regulatory_capital"])
    out["meets_hurdle"] = out["raroc"] >= hurdle
    return out.reset_index()



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
    from ..plotting import get_ax

    if data is None:
        data = rate_buildup()
    check_frame(data, ["component", "kind", "component_rate", "bar_start", "bar_end"], name="data")
    starts, ends = (numeric_column(data, c, frame="data") for c in ("bar_start", "bar_end"))
    numeric_column(data, "component_rate", frame="data")
    if len(data) != len(_COMPONENTS):
        raise RuralfinValueError(
            f"plot_rate_buildup 一次只画一笔贷款或一个客群（{len(_COMPONENTS)} 行），实际有 {len(data)} 行；"
            "请先筛选，例如 buildup[buildup['customer_group'] == 'coop']"
        )
    if reference is not None:
        reference = parameter_value(None, reference, "reference")
    ax = get_ax(ax, figsize=(8, 4.5))
    colors = {"component": "#4C72B0", "subtotal": "#8C8C8C", "total": "#C44E52"}
    x = np.arange(len(data))
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
    ax.set_title(title if title is not None else labels.text("economics.rate_buildup_title"))
    top = max(float(ends.max()), reference or 0.0)
    ax.set_ylim(0, top * 1.15 if top > 0 else 1)
    return ax
