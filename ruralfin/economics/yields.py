"""综合收益：只看贷款利差与看客户带来的全部收益（存款贡献、中间业务收入）有何不同。

- :func:`comprehensive_yield`：逐客户算贷款净收益、存款贡献、中收、综合收益与两个收益率，
  并按门槛分出“利差不足、综合补回”“利差尚可、综合拖累”等收益类型；
- :func:`plot_yield_comparison`：贷款净收益率与综合收益率的散点图。

单位约定见 :mod:`ruralfin.economics`。
"""

from __future__ import annotations

from numbers import Real

import numpy as np
import pandas as pd

from .. import labels
from .._validation import check_frame, check_instance, check_number
from ..errors import RuralfinValueError
from ._params import parameter_value, ratio

__all__ = ["YIELD_PATTERNS", "comprehensive_yield", "plot_yield_comparison"]

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
    thr = parameter_value(None, threshold, "threshold")
    n = len(customers)
    lb = parameter_value(customers, loan_balance, "loan_balance", frame="customers")
    lr = parameter_value(customers, loan_rate, "loan_rate", frame="customers")
    ftp = parameter_value(customers, ftp_rate, "ftp_rate", frame="customers")
    dftp = ftp if deposit_ftp_rate is None else parameter_value(
        customers, deposit_ftp_rate, "deposit_ftp_rate", frame="customers")
    opex = parameter_value(customers, opex_rate, "opex_rate", frame="customers")
    pdv = parameter_value(customers, prob_default, "prob_default", frame="customers")
    lgdv = parameter_value(customers, lgd, "lgd", frame="customers")
    if deposit_balance is None:
        db, dr = np.zeros(n), np.zeros(n)
    else:
        db = parameter_value(customers, deposit_balance, "deposit_balance", frame="customers")
        dr = parameter_value(customers, deposit_rate, "deposit_rate", frame="customers")
    fee = np.zeros(n) if fee_income is None else parameter_value(customers, fee_income, "fee_income", frame="customers")

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
    ly = ratio(loan_net, lb) * 100.0
    cy = ratio(total, lb) * 100.0
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
    from ..plotting import get_ax

    check_frame(data, ["loan_net_yield", "comprehensive_yield", "yield_pattern"], name="data",
                numeric=["loan_net_yield", "comprehensive_yield"])
    thr = parameter_value(None, threshold, "threshold")
    d = data[data["yield_pattern"].astype(object) != "no_loan"]
    if d.empty:
        raise RuralfinValueError("data 中没有有贷款的客户（yield_pattern 全是 no_loan），无从比较")
    x = d["loan_net_yield"].to_numpy(dtype=float)
    y = d["comprehensive_yield"].to_numpy(dtype=float)
    check_instance(clip, (), "clip", allow_none=True, items=Real)
    if clip is not None:
        if len(clip) != 2:
            raise RuralfinValueError(f"参数 clip 应为 (下限, 上限) 两个数，实际是 {clip!r}")
        lo, hi = check_number(clip[0], "clip[0]"), check_number(clip[1], "clip[1]")
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
