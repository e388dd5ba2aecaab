"""客户行为分析：账户流水的行为特征、行为分群（带中文画像名）与行为评分卡（B 卡）的样本。

课程大纲 四 2“客户行为管理模型（2）客户行为分析模型”。三件事：

1. **行为特征**（:func:`behavior_features`）：在某个观察时点（as-of 月份），用此前
   ``window`` 个月的月度流水为每个主体算出近度（recency）、频度（frequency）、金额
   （monetary）、趋势（斜率）、波动（变异系数）和余额特征——一个主体一行。
2. **行为分群**（:class:`BehaviorSegmenter`）：标准化后做 k-means（scikit-learn 的
   ``Pipeline``：缺失值填中位数 → 长尾金额取对数 → ``StandardScaler`` → ``KMeans``），
   再按**各群中心的标准分**给每群起一个中文画像名（规则见该类说明）。
3. **B 卡样本**（:func:`behavior_sample`）：对观察时点上在贷、尚未变坏的借款主体，
   拼上行为特征、还款表现特征（:func:`repayment_features`）和“未来是否变坏”标签
   （:func:`behavior_label`）。行为评分卡本身就是 :class:`~ruralfin.risk.scorecard.Scorecard`
   ——与申请评分卡（A 卡）同一套分箱、WoE、逻辑回归和分数刻度，只是特征和标签不同::

       from ruralfin.risk import Scorecard, WoEBinner
       dev = behavior_sample(flows, loan_monthly, "2024-06")   # 观察时点 2024-06，表现期 12 个月
       bcard = Scorecard(WoEBinner()).fit(dev[BEHAVIOR_FEATURES], dev["bad_future"])
       today = behavior_sample(flows, loan_monthly, "2025-12", horizon=None)
       today["points"] = bcard.predict_points(today[BEHAVIOR_FEATURES])

月份约定：流水表与贷款月度表每个主体每月一行，月份列可以是日期（示范县用当月最后
一天）、``"2024-06"`` 这样的文字或 ``Period``；只看年和月。同一主体同一月有多行（如
多个账户）时，金额、笔数和余额按月相加。所有函数都不修改传入的表。
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from sklearn.base import ClusterMixin

from .. import labels
from .._validation import (
    as_of_index,
    check_frame,
    check_instance,
    check_int,
    check_number,
    fmt_list,
    key_columns,
    month_end,
    month_index,
    numeric_column,
    same_key_type,
)
from ..errors import RuralfinTypeError, RuralfinValueError
from ._base import RuralfinEstimator

__all__ = [
    "FLOW_FEATURES",
    "REPAYMENT_FEATURES",
    "BEHAVIOR_FEATURES",
    "SEGMENT_FEATURES",
    "TRAITS",
    "behavior_features",
    "repayment_features",
    "behavior_label",
    "behavior_sample",
    "BehaviorSegmenter",
    "plot_segment_profiles",
]

#: :func:`behavior_features` 输出的特征列（顺序即输出顺序）。
FLOW_FEATURES = [
    "tenure_months",
    "recency_months",
    "active_months",
    "txn_per_month",
    "inflow_avg",
    "net_flow_avg",
    "inflow_slope",
    "inflow_cv",
    "balance_avg",
    "balance_slope",
    "balance_cover_months",
]

#: :func:`repayment_features` 输出的特征列。
REPAYMENT_FEATURES = ["dpd_now", "max_dpd_window", "late_months", "paid_ratio", "on_book_balance"]

#: 行为评分卡（B 卡）默认使用的全部特征 = 流水行为特征 + 还款表现特征。
BEHAVIOR_FEATURES = FLOW_FEATURES + REPAYMENT_FEATURES

#: :class:`BehaviorSegmenter` 默认用来分群的特征：近度 R、频度 F（月均笔数）、金额 M、趋势、波动、
#: 存款沉淀与往来月数（新老客户）。不用 ``active_months``：新开户客户窗口内的月份本来就少，
#: 它会把“新”误读成“不活跃”。
SEGMENT_FEATURES = ["recency_months", "txn_per_month", "inflow_avg", "inflow_slope", "inflow_cv", "balance_avg",
                    "tenure_months"]

#: 长尾的金额、笔数类特征：分群前先做 sign(x)·ln(1+|x|) 变换。
_LOG_FEATURES = ("txn_per_month", "inflow_avg", "net_flow_avg", "balance_avg", "balance_cover_months",
                 "on_book_balance")

#: 画像用语：特征 -> (该群明显偏高时的说法, 明显偏低时的说法)；取自标签登记处（``labels/_behavior.py``）。
TRAITS = {f: (labels.text(f"behavior.trait.{f}.high"), labels.text(f"behavior.trait.{f}.low"))
          for f in BEHAVIOR_FEATURES}


# ---------------------------------------------------------------------------
# 小工具
# ---------------------------------------------------------------------------


def _rel_slope(values: np.ndarray, valid: np.ndarray, mean: np.ndarray, n: np.ndarray, min_months: int) -> np.ndarray:
    """每行的最小二乘斜率（对月序 0, 1, 2, …）÷ 该行均值；有效月份不足或均值为 0 时为 NaN。"""
    t = np.broadcast_to(np.arange(values.shape[1], dtype=float), values.shape)
    with np.errstate(divide="ignore", invalid="ignore"):
        t_mean = np.where(valid, t, 0).sum(axis=1) / n
        dt = np.where(valid, t - t_mean[:, None], 0.0)
        dx = np.where(valid, values - mean[:, None], 0.0)
        slope = (dt * dx).sum(axis=1) / (dt * dt).sum(axis=1)
        out = slope / mean
    return np.where((n >= min_months) & (mean > 0), out, np.nan)


# ---------------------------------------------------------------------------
# 行为特征
# ---------------------------------------------------------------------------


def behavior_features(
    flows: pd.DataFrame,
    as_of: Any,
    *,
    window: int = 12,
    min_months: int = 3,
    entity_id: str = "entity_id",
    month: str = "month",
    inflow_amount: str = "inflow_amount",
    outflow_amount: str = "outflow_amount",
    inflow_count: str = "inflow_count",
    outflow_count: str = "outflow_count",
    avg_balance: str = "avg_balance",
) -> pd.DataFrame:
    """在观察时点 ``as_of`` 为每个主体算账户流水的行为特征（一个主体一行）。

    只用 ``as_of`` 当月及以前的数据（不偷看未来）。**观察窗口** = ``as_of`` 往前
    ``window`` 个月（含 ``as_of`` 当月）；主体第一次出现在流水表之前的月份不算
    （那时还不是我行客户），之后缺失的月份按“无往来”（金额、笔数、余额都为 0）计。
    设 n = 窗口内计入的月数（= min(window, 开户月数)）：

    - ``tenure_months`` 往来月数：从第一次出现在流水表到 ``as_of`` 的月数（含两端）。
    - ``recency_months`` 近度：``as_of`` 距最近一个有交易（笔数或金额大于 0）的月份
      的月数，0 表示当月有交易；看全部历史。
    - ``active_months`` 频度：窗口内有交易的月数。
    - ``txn_per_month`` 月均交易笔数：窗口内（流入 + 流出笔数）之和 ÷ n。
    - ``inflow_avg`` 金额：月均流入 = 窗口内流入之和 ÷ n（万元）。
    - ``net_flow_avg`` 月均净流入 = 窗口内（流入 − 流出）之和 ÷ n（万元）。
    - ``inflow_slope`` 流入趋势：月流入对月序（0, 1, 2, …）的最小二乘斜率 ÷ 月均流入，
      即“每月平均变化百分之几”（0.05 = 每月多 5%）。
    - ``inflow_cv`` 流入波动：月流入的标准差（总体标准差，ddof=0）÷ 月均流入。
    - ``balance_avg`` 平均日均余额：窗口内各月日均余额的平均（万元）。
    - ``balance_slope`` 余额趋势：日均余额的斜率 ÷ 平均日均余额。
    - ``balance_cover_months`` 余额覆盖月数：平均日均余额 ÷ 月均流出，余额够付几个月的支出。

    n 小于 ``min_months`` 时趋势与波动记为缺失（月份太少算不准）；分母为 0 时相应
    的比值记为缺失。

    Parameters
    ----------
    flows : DataFrame
        月度流水，一行一个主体一个月（示范县的 ``account_flows``），不会被修改。
    as_of : str, Timestamp or Period
        观察时点（月份），如 ``"2024-06"``。
    window : int, default 12
        观察窗口的月数。
    min_months : int, default 3
        计算趋势与波动至少需要的月数。
    entity_id, month, inflow_amount, outflow_amount, inflow_count, outflow_count, avg_balance : str
        列名，默认与示范县一致。

    Returns
    -------
    DataFrame
        列：``entity_id``（列名随参数）、``as_of``（观察月份最后一天）与 :data:`FLOW_FEATURES` 各列；
        只含 ``as_of`` 以前出现过的主体，按主体编号排序。

    Examples
    --------
    一个主体三个月的流水（万元），在第三个月末观察：

    >>> import pandas as pd
    >>> flows = pd.DataFrame({"entity_id": [7, 7, 7], "month": ["2024-01", "2024-02", "2024-03"],
    ...     "inflow_amount": [2.0, 4.0, 6.0], "outflow_amount": [1.0, 3.0, 5.0],
    ...     "inflow_count": [3, 5, 7], "outflow_count": [2, 2, 2], "avg_balance": [1.0, 1.0, 4.0]})
    >>> f = behavior_features(flows, "2024-03")
    >>> f[["tenure_months", "active_months", "txn_per_month", "inflow_avg", "net_flow_avg"]]
       tenure_months  active_months  txn_per_month  inflow_avg  net_flow_avg
    0              3              3            7.0         4.0           1.0

    月流入 2、4、6：斜率每月 +2，÷ 均值 4 = 0.5；标准差 √(8/3) ≈ 1.633，÷ 4 ≈ 0.408。
    平均余额 2，月均流出 3，余额覆盖 2/3 个月：

    >>> f[["inflow_slope", "inflow_cv", "balance_avg", "balance_cover_months"]].round(3)
       inflow_slope  inflow_cv  balance_avg  balance_cover_months
    0           0.5      0.408          2.0                 0.667
    """
    cols = [entity_id, month, inflow_amount, outflow_amount, inflow_count, outflow_count, avg_balance]
    numeric = [inflow_amount, outflow_amount, inflow_count, outflow_count, avg_balance]
    check_frame(flows, cols, name="flows", numeric=numeric)
    window = check_int(window, "window", min_value=1, max_value=120)
    min_months = check_int(min_months, "min_months", min_value=2)
    values = {c: numeric_column(flows, c, frame="flows", min_value=0) for c in numeric}
    key_columns(flows, entity_id, param="entity_id", frame="flows")
    t = as_of_index(as_of)
    m = month_index(flows, month, frame="flows")
    if (m > t).all():
        raise RuralfinValueError(f"flows 里没有 {month_end(t):%Y-%m} 及以前的数据，无法在这个时点计算行为特征")
    if t > m.max():
        raise RuralfinValueError(
            f"as_of={month_end(t):%Y-%m} 晚于流水表的最后一个月 {month_end(int(m.max())):%Y-%m}；"
            "观察时点应在数据范围之内"
        )

    keep = m <= t
    ent_codes, ents = pd.factorize(flows[entity_id].to_numpy()[keep], sort=True)
    mm = m[keep]
    n_e = len(ents)
    first = np.full(n_e, np.iinfo(np.int64).max)
    np.minimum.at(first, ent_codes, mm)
    amount_in = values[inflow_amount][keep]
    amount_out = values[outflow_amount][keep]
    cnt = values[inflow_count][keep] + values[outflow_count][keep]
    bal = values[avg_balance][keep]
    active_row = (cnt > 0) | (amount_in > 0) | (amount_out > 0)
    last_active = np.full(n_e, -1)
    np.maximum.at(last_active, ent_codes[active_row], mm[active_row])

    start = t - window + 1
    w = mm >= start
    e_w, k_w = ent_codes[w], mm[w] - start
    mats = {}
    for key, arr in (("in", amount_in), ("out", amount_out), ("cnt", cnt), ("bal", bal)):
        mat = np.zeros((n_e, window))
        np.add.at(mat, (e_w, k_w), arr[w])
        mats[key] = mat
    act = np.zeros((n_e, window), dtype=bool)
    act[e_w[active_row[w]], k_w[active_row[w]]] = True
    first_k = np.maximum(first - start, 0)
    valid = np.arange(window)[None, :] >= first_k[:, None]
    n = (window - first_k).astype(float)

    with np.errstate(divide="ignore", invalid="ignore"):
        inflow_avg = mats["in"].sum(axis=1) / n
        outflow_avg = mats["out"].sum(axis=1) / n
        balance_avg = mats["bal"].sum(axis=1) / n
        dev = np.where(valid, mats["in"] - inflow_avg[:, None], 0.0)
        sd = np.sqrt((dev * dev).sum(axis=1) / n)
        cv = np.where((n >= min_months) & (inflow_avg > 0), sd / inflow_avg, np.nan)
        cover = np.where(outflow_avg > 0, balance_avg / outflow_avg, np.nan)
    out = pd.DataFrame(
        {
            entity_id: ents,
            "as_of": month_end(t),
            "tenure_months": (t - first + 1).astype(np.int64),
            "recency_months": np.where(last_active >= 0, t - last_active, np.nan),
            "active_months": (act & valid).sum(axis=1).astype(np.int64),
            "txn_per_month": mats["cnt"].sum(axis=1) / n,
            "inflow_avg": inflow_avg,
            "net_flow_avg": inflow_avg - outflow_avg,
            "inflow_slope": _rel_slope(mats["in"], valid, inflow_avg, n, min_months),
            "inflow_cv": cv,
            "balance_avg": balance_avg,
            "balance_slope": _rel_slope(mats["bal"], valid, balance_avg, n, min_months),
            "balance_cover_months": cover,
        }
    )
    out["as_of"] = out["as_of"].astype("datetime64[us]")
    return out


# ---------------------------------------------------------------------------
# 还款表现与未来变坏标签（B 卡）
# ---------------------------------------------------------------------------


def _check_loan_monthly(lm: pd.DataFrame, entity_id: str, month: str, days_past_due: str, balance: str,
                        extra: tuple[str, ...] = ()) -> np.ndarray:
    """检查贷款月度表（列齐全、数值列无缺失无负数），返回各行的整数月序。"""
    numeric = [days_past_due, balance, *extra]
    check_frame(lm, [entity_id, month, *numeric], name="loan_monthly", numeric=numeric)
    key_columns(lm, entity_id, param="entity_id", frame="loan_monthly")
    for c in numeric:
        numeric_column(lm, c, frame="loan_monthly", min_value=0)
    return month_index(lm, month, frame="loan_monthly")


def _population(lm: pd.DataFrame, m: np.ndarray, t: int, entity_id: str, days_past_due: str,
                balance: str) -> pd.Series:
    """观察时点在贷（余额大于 0）的主体及其当前最长逾期天数。"""
    on = (m == t) & (lm[balance].to_numpy(dtype=float) > 0)
    return lm.loc[on].groupby(entity_id, sort=True)[days_past_due].max().astype(np.int64)


def repayment_features(
    loan_monthly: pd.DataFrame,
    as_of: Any,
    *,
    window: int = 12,
    entity_id: str = "entity_id",
    month: str = "month",
    days_past_due: str = "days_past_due",
    balance: str = "balance",
    scheduled_payment: str = "scheduled_payment",
    paid_amount: str = "paid_amount",
) -> pd.DataFrame:
    """观察时点在贷主体的还款表现特征（一个主体一行，多笔贷款合并看）。

    只含 ``as_of`` 当月有贷款余额（大于 0）的主体；只用 ``as_of`` 及以前
    ``window`` 个月（含当月）的数据：

    - ``dpd_now`` 当前逾期天数：``as_of`` 当月各笔贷款逾期天数的最大值。
    - ``max_dpd_window`` 窗口内最长逾期天数。
    - ``late_months`` 窗口内逾期（任一笔逾期天数大于 0）的月数。
    - ``paid_ratio`` 还款比例：窗口内实还之和 ÷ 应还之和；应还为 0（如到期一次还本
      付息还没到期）时记 1。
    - ``on_book_balance`` 在贷余额：``as_of`` 当月贷款余额之和（万元）。

    Parameters
    ----------
    loan_monthly : DataFrame
        贷款月度表（示范县的 ``loan_monthly``），不会被修改。
    as_of : str, Timestamp or Period
        观察时点（月份）。
    window : int, default 12
        回看的月数。
    entity_id, month, days_past_due, balance, scheduled_payment, paid_amount : str
        列名，默认与示范县一致。

    Returns
    -------
    DataFrame
        列：``entity_id``（列名随参数）与 :data:`REPAYMENT_FEATURES` 各列，按主体编号排序。

    Examples
    --------
    >>> import pandas as pd
    >>> lm = pd.DataFrame({"entity_id": [1, 1, 1, 2, 2], "loan_id": [10, 10, 10, 20, 20],
    ...     "month": ["2024-01", "2024-02", "2024-03", "2024-02", "2024-03"],
    ...     "balance": [5.0, 5.0, 5.0, 2.0, 0.0], "days_past_due": [0, 15, 0, 0, 0],
    ...     "scheduled_payment": [1.0, 1.0, 1.0, 1.0, 2.0], "paid_amount": [1.0, 0.0, 2.0, 1.0, 2.0]})
    >>> repayment_features(lm, "2024-03")  # 主体 2 已还清，不在贷
       entity_id  dpd_now  max_dpd_window  late_months  paid_ratio  on_book_balance
    0          1        0              15            1         1.0              5.0
    """
    m = _check_loan_monthly(loan_monthly, entity_id, month, days_past_due, balance,
                            (scheduled_payment, paid_amount))
    window = check_int(window, "window", min_value=1, max_value=120)
    t = as_of_index(as_of)
    pop = _population(loan_monthly, m, t, entity_id, days_past_due, balance)
    if len(pop) == 0:
        raise RuralfinValueError(f"{month_end(t):%Y-%m} 没有在贷（余额大于 0）的主体，无法计算还款表现")
    w = (m <= t) & (m > t - window)
    part = loan_monthly.loc[w, [entity_id, days_past_due, scheduled_payment, paid_amount]].assign(_m=m[w])
    part = part[part[entity_id].isin(pop.index)]
    by_month = part.groupby([entity_id, "_m"])[days_past_due].max()
    agg = part.groupby(entity_id).agg(max_dpd=(days_past_due, "max"), sched=(scheduled_payment, "sum"),
                                      paid=(paid_amount, "sum"))
    late = (by_month > 0).groupby(level=0).sum()
    on_book = (
        loan_monthly.loc[m == t].groupby(entity_id)[balance].sum().reindex(pop.index).to_numpy(dtype=float)
    )
    sched = agg["sched"].reindex(pop.index).to_numpy(dtype=float)
    paid_sum = agg["paid"].reindex(pop.index).to_numpy(dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(sched > 0, paid_sum / sched, 1.0)
    return pd.DataFrame(
        {
            entity_id: pop.index.to_numpy(),
            "dpd_now": pop.to_numpy(),
            "max_dpd_window": agg["max_dpd"].reindex(pop.index).to_numpy().astype(np.int64),
            "late_months": late.reindex(pop.index).to_numpy().astype(np.int64),
            "paid_ratio": ratio,
            "on_book_balance": on_book,
        }
    )


def behavior_label(
    loan_monthly: pd.DataFrame,
    as_of: Any,
    *,
    horizon: int = 12,
    bad_dpd: int = 90,
    entity_id: str = "entity_id",
    month: str = "month",
    days_past_due: str = "days_past_due",
    balance: str = "balance",
) -> pd.DataFrame:
    """行为评分卡的目标变量：观察时点后 ``horizon`` 个月内是否“变坏”。

    **定义**（B 卡样本的口径，建模前应和业务部门对齐）：

    - **样本**：``as_of`` 当月有贷款余额（大于 0）、且当月各笔贷款逾期天数都不超过
      ``bad_dpd`` 的主体（已经变坏的不再打行为分，转入催收）。
    - **变坏** ``bad_future = 1``：``as_of`` 之后的 ``horizon`` 个月内（不含 ``as_of``
      当月），该主体任何一笔贷款在任何一个月末逾期天数**超过** ``bad_dpd`` 天；
      否则为 0（包括期间正常还清）。
    - 数据的最后一个月早于 ``as_of + horizon`` 时表现期不完整，报错而不是悄悄当作好客户。

    Parameters
    ----------
    loan_monthly : DataFrame
        贷款月度表，不会被修改。
    as_of : str, Timestamp or Period
        观察时点。
    horizon : int, default 12
        表现期月数。
    bad_dpd : int, default 90
        逾期超过多少天算坏。默认 90 天（M3 以上），与申请评分卡“12 个月内 90 天以上逾期”
        的口径一致；想更早发现苗头可用 30（M2 及以上），坏样本更多但更“浅”。
    entity_id, month, days_past_due, balance : str
        列名。

    Returns
    -------
    DataFrame
        列：``entity_id``（列名随参数）、``bad_future``（0/1 整数），按主体编号排序。

    Examples
    --------
    >>> import pandas as pd
    >>> lm = pd.DataFrame({"entity_id": [1, 1, 1, 2, 2, 2, 3, 3, 3],
    ...     "month": ["2024-01", "2024-02", "2024-03"] * 3,
    ...     "balance": [5.0] * 9, "days_past_due": [0, 0, 45, 0, 20, 0, 40, 70, 100]})
    >>> behavior_label(lm, "2024-01", horizon=2, bad_dpd=30)  # 主体 3 观察时已逾期 40 天，不在样本中
       entity_id  bad_future
    0          1           1
    1          2           0
    """
    m = _check_loan_monthly(loan_monthly, entity_id, month, days_past_due, balance)
    horizon = check_int(horizon, "horizon", min_value=1, max_value=120)
    bad_dpd = check_int(bad_dpd, "bad_dpd", min_value=0)
    t = as_of_index(as_of)
    last = int(m.max())
    if t + horizon > last:
        raise RuralfinValueError(
            f"表现期不完整：as_of={month_end(t):%Y-%m} 往后 {horizon} 个月要到 {month_end(t + horizon):%Y-%m}，"
            f"但 loan_monthly 只到 {month_end(last):%Y-%m}；请选更早的观察时点或更短的 horizon"
        )
    pop = _population(loan_monthly, m, t, entity_id, days_past_due, balance)
    pop = pop[pop <= bad_dpd]
    if len(pop) == 0:
        raise RuralfinValueError(f"{month_end(t):%Y-%m} 没有在贷且未变坏的主体，无法构造 B 卡样本")
    fut = (m > t) & (m <= t + horizon)
    worst = loan_monthly.loc[fut].groupby(entity_id)[days_past_due].max().reindex(pop.index).fillna(0)
    return pd.DataFrame({entity_id: pop.index.to_numpy(),
                         "bad_future": (worst.to_numpy() > bad_dpd).astype(np.int64)})


def behavior_sample(
    flows: pd.DataFrame,
    loan_monthly: pd.DataFrame,
    as_of: Any,
    *,
    window: int = 12,
    horizon: int | None = 12,
    bad_dpd: int = 90,
    entity_id: str = "entity_id",
) -> pd.DataFrame:
    """B 卡的建模（或打分）样本：在贷主体 × 行为特征 × 还款表现 × 未来是否变坏。

    ``horizon`` 为整数时，样本与标签按 :func:`behavior_label` 的口径（在贷且未变坏的
    主体，``bad_future`` 为表现期内是否逾期超过 ``bad_dpd`` 天）；``horizon=None`` 时
    不看未来，给出 ``as_of`` 当月全部在贷主体的特征，用来给现有客户打分。没有流水的
    主体（非我行结算客户）流水特征为缺失，分箱时进入缺失箱。

    Parameters
    ----------
    flows, loan_monthly : DataFrame
        月度流水与贷款月度表（列名同示范县），不会被修改。
    as_of : str, Timestamp or Period
        观察时点。
    window : int, default 12
        特征的回看月数。
    horizon : int or None, default 12
        表现期月数；None 表示只要特征、不要标签。
    bad_dpd : int, default 90
        逾期超过多少天算坏（见 :func:`behavior_label`）。
    entity_id : str, default "entity_id"
        主体编号列（流水表与贷款月度表相同）。

    Returns
    -------
    DataFrame
        列：``entity_id``（列名随参数）、``as_of``、:data:`BEHAVIOR_FEATURES` 各列，以及（有 ``horizon`` 时）
        ``bad_future``。

    Examples
    --------
    >>> import pandas as pd
    >>> months = ["2024-01", "2024-02", "2024-03"]
    >>> flows = pd.DataFrame({"entity_id": [1] * 3 + [2] * 3, "month": months * 2,
    ...     "inflow_amount": [3.0, 3.0, 3.0, 5.0, 2.0, 1.0], "outflow_amount": [2.0] * 6,
    ...     "inflow_count": [4] * 6, "outflow_count": [3] * 6, "avg_balance": [1.0] * 6})
    >>> lm = pd.DataFrame({"entity_id": [1] * 3 + [2] * 3, "month": months * 2, "balance": [5.0] * 6,
    ...     "days_past_due": [0, 0, 0, 0, 0, 60], "scheduled_payment": [1.0] * 6,
    ...     "paid_amount": [1.0, 1.0, 1.0, 1.0, 1.0, 0.0]})
    >>> s = behavior_sample(flows, lm, "2024-02", window=2, horizon=1, bad_dpd=30)
    >>> s[["entity_id", "inflow_avg", "inflow_slope", "paid_ratio", "bad_future"]]  # 只有 2 个月，算不出趋势
       entity_id  inflow_avg  inflow_slope  paid_ratio  bad_future
    0          1         3.0           NaN         1.0           0
    1          2         3.5           NaN         1.0           1
    """
    if horizon is None:
        pop = repayment_features(loan_monthly, as_of, window=window, entity_id=entity_id)
    else:
        label = behavior_label(loan_monthly, as_of, horizon=horizon, bad_dpd=bad_dpd, entity_id=entity_id)
        rep = repayment_features(loan_monthly, as_of, window=window, entity_id=entity_id)
        pop = rep.merge(label, on=entity_id, how="inner", validate="one_to_one")
    feats = behavior_features(flows, as_of, window=window, entity_id=entity_id)
    same_key_type(("flows", flows, entity_id), ("loan_monthly", loan_monthly, entity_id))
    out = pop.merge(feats, on=entity_id, how="left", validate="one_to_one")
    out["as_of"] = month_end(as_of_index(as_of))
    out["as_of"] = out["as_of"].astype("datetime64[us]")
    cols = [entity_id, "as_of", *BEHAVIOR_FEATURES] + (["bad_future"] if horizon is not None else [])
    return out[cols]


# ---------------------------------------------------------------------------
# 行为分群
# ---------------------------------------------------------------------------


def _signed_log(X, columns=()):
    """对指定列做 sign(x)·ln(1+|x|)（压缩长尾，保留正负号）。"""
    X = np.array(X, dtype=float, copy=True)
    for j in columns:
        X[:, j] = np.sign(X[:, j]) * np.log1p(np.abs(X[:, j]))
    return X


def _trait(feature: str, high: bool) -> str:
    if feature in TRAITS:
        return TRAITS[feature][0 if high else 1]
    key = "behavior.trait_other_high" if high else "behavior.trait_other_low"
    return labels.text(key, label=labels.label(feature, unit=False))


class BehaviorSegmenter(ClusterMixin, RuralfinEstimator):
    """行为分群：标准化后的 k-means，每群配一个由群中心推出的中文画像名。

    拟合的是一个 scikit-learn ``Pipeline``：缺失值填训练样本的中位数
    （``SimpleImputer``）→ 长尾的金额、笔数特征做 sign(x)·ln(1+|x|)（``log_features``）→
    ``StandardScaler`` → ``KMeans(n_segments, random_state)``。标准化让“流水几十万元”
    和“近度几个月”在距离里分量相当；不标准化，k-means 几乎只按金额分群。

    **画像命名规则**：群中心在标准化空间里的坐标就是该群各特征的**标准分**（比全体
    平均高或低几个标准差）。对每一群，取绝对值不小于 ``trait_z`` 的特征，按绝对值从
    大到小排，最多取 ``n_traits`` 个，用 :data:`TRAITS` 里的说法（偏高取前者、偏低取
    后者；没登记的特征用“<中文名>高/低”）以“、”连起来，如“流水大、存款沉淀多”。
    没有任何特征达到 ``trait_z`` 的群叫“各项接近平均”。两群名字相同时，依次再加下一个
    特征的说法，仍相同则在末尾加编号。群的编号按人数从多到少为 1、2、3……

    Parameters
    ----------
    n_segments : int, default 4
        分几群。
    features : list of str, optional
        用来分群的列；默认 :data:`SEGMENT_FEATURES`（``X`` 是没有列名的二维数组时默认用全部列，
        列名为 ``x0``、``x1``……）。
    log_features : list of str, optional
        先取对数再标准化的列；默认为 ``features`` 中的金额、笔数类特征。给 ``[]`` 则不取对数。
    trait_z : float, default 0.5
        画像名只用标准分绝对值不小于它的特征。
    n_traits : int, default 2
        画像名最多由几个特征的说法组成。
    n_init : int, default 4
        k-means 用不同初始中心跑的次数（取最好的一次）。
    random_state : int, RandomState or None, default 0
        随机种子：在 ``fit`` 里用 ``check_random_state`` 解析后交给 k-means。整数 = 同样的
        数据、同样的种子，分群结果完全相同；``None`` = 每次可能不同。规则见 ``ruralfin.risk._base``。

    Attributes
    ----------
    pipeline_ : sklearn.pipeline.Pipeline
        拟合好的“填补 → 对数 → 标准化 → k-means”流水线。
    features_ : list of str
    segment_names_ : dict of int to str
        群编号 -> 中文画像名。
    centroid_z_ : DataFrame
        各群中心的标准分（行 = 群编号，列 = 特征），画像名由它推出。
    profiles_ : DataFrame
        训练样本的分群画像：``segment``、``segment_name``、``n_entities``、``segment_share``
        和各特征的群内中位数（原始单位）。
    labels_ : ndarray
        训练样本每行的群编号。
    n_features_in_ : int
    feature_names_in_ : ndarray
        用 DataFrame 训练时才有。

    Examples
    --------
    >>> import pandas as pd
    >>> X = pd.DataFrame({"inflow_avg": [1, 1.2, 0.9, 1.1, 20, 25],
    ...                   "inflow_slope": [0, 0.01, -0.01, 0, 0.02, -0.02]})
    >>> seg = BehaviorSegmenter(2, features=["inflow_avg", "inflow_slope"], random_state=0).fit(X)
    >>> seg.labels_  # 人数多的群编号为 1
    array([1, 1, 1, 1, 2, 2])
    >>> seg.segment_names_
    {1: '流水小', 2: '流水大'}
    >>> seg.assign(X.tail(1))[["segment", "segment_name"]]
       segment segment_name
    5        2          流水大
    """

    def __init__(self, n_segments=4, *, features=None, log_features=None, trait_z=0.5, n_traits=2,
                 n_init=4, random_state=0):
        self.n_segments = n_segments
        self.features = features
        self.log_features = log_features
        self.trait_z = trait_z
        self.n_traits = n_traits
        self.n_init = n_init
        self.random_state = random_state

    _fitted_attr = "pipeline_"

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.input_tags.allow_nan = True  # 缺失值填训练样本的中位数；无穷大报错
        return tags

    def _frame(self, X: Any) -> pd.DataFrame:
        """训练好之后：检查 X（已训练、含分群特征且为数值），返回 DataFrame。"""
        self._check_fitted()
        df = self._validate_X(X, fitting=False, columns=self.features_)
        self._numeric_matrix(df, self.features_, allow_bool=False)
        return df

    def fit(self, X, y=None):
        """在样本上拟合分群流水线并给各群命名。

        Parameters
        ----------
        X : DataFrame or 2-D array
            含分群特征的表（如 :func:`behavior_features` 的结果），不会被修改。
        y : ignored

        Returns
        -------
        self
        """
        from sklearn.cluster import KMeans
        from sklearn.impute import SimpleImputer
        from sklearn.pipeline import Pipeline
        from sklearn.preprocessing import FunctionTransformer, StandardScaler

        k = check_int(self.n_segments, "n_segments", min_value=2, max_value=20)
        check_number(self.trait_z, "trait_z", min_value=0)
        n_traits = check_int(self.n_traits, "n_traits", min_value=1)
        n_init = check_int(self.n_init, "n_init", min_value=1, max_value=100)
        if self.features is not None and isinstance(self.features, str):
            raise RuralfinTypeError(f"参数 features 应为列名列表，实际是字符串 {self.features!r}")
        check_instance(self.features, (), "features", allow_none=True, items=str)
        check_instance(self.log_features, str, "log_features", allow_none=True, items=str)
        df = self._validate_X(X, fitting=True)
        if self.features is None:
            features = list(SEGMENT_FEATURES) if isinstance(X, pd.DataFrame) else list(df.columns)
        else:
            features = list(self.features)
        if not features:
            raise RuralfinValueError("参数 features 不能为空")
        self._require_columns(df, features, fitting=True, from_array=not isinstance(X, pd.DataFrame))
        self._numeric_matrix(df, features, allow_bool=False)  # 数值列、无穷大报错
        all_missing = [f for f in features if df[f].isna().all()]
        if all_missing:
            raise RuralfinValueError(f"X 中这些列全是缺失值，无法分群：{fmt_list(all_missing)}")
        if len(df) < k:
            raise RuralfinValueError(
                f"样本只有 {len(df)} 行，少于要分的群数 n_segments={k}（n_samples={len(df)} should be >= n_clusters={k}）"
            )
        if self.log_features is None:
            logs = [f for f in features if f in _LOG_FEATURES]
        else:
            logs = [self.log_features] if isinstance(self.log_features, str) else list(self.log_features)
            unknown = [f for f in logs if f not in features]
            if unknown:
                raise RuralfinValueError(f"log_features 里这些列不在分群特征中：{fmt_list(unknown)}")
        log_idx = [features.index(f) for f in logs]
        pipe = Pipeline([
            ("impute", SimpleImputer(strategy="median")),
            ("log", FunctionTransformer(_signed_log, kw_args={"columns": log_idx})),
            ("scale", StandardScaler()),
            ("kmeans", KMeans(n_clusters=k, n_init=n_init, random_state=self._random_state())),
        ])
        raw = pipe.fit_predict(df[features])
        # 按人数从多到少重新编号为 1..k（人数相同按原编号）
        counts = np.bincount(raw, minlength=k)
        order = sorted(range(k), key=lambda c: (-counts[c], c))
        relabel = np.empty(k, dtype=np.int64)
        relabel[order] = np.arange(1, k + 1)
        centers = pipe.named_steps["kmeans"].cluster_centers_[order]
        centroid_z = pd.DataFrame(centers, columns=features, index=pd.Index(range(1, k + 1), name="segment"))

        self.pipeline_ = pipe
        self.features_ = features
        self._relabel = relabel
        self.centroid_z_ = centroid_z
        self.segment_names_ = self._name_segments(centroid_z, float(self.trait_z), n_traits)
        self.labels_ = relabel[raw]
        self.profiles_ = self.profile_table(df)
        return self

    @staticmethod
    def _name_segments(centroid_z: pd.DataFrame, trait_z: float, n_traits: int) -> dict[int, str]:
        ranked = {}
        for seg, row in centroid_z.iterrows():
            order = row.abs().sort_values(ascending=False, kind="stable")
            ranked[seg] = [_trait(f, row[f] > 0) for f in order.index if abs(row[f]) >= trait_z]
        used = {seg: min(n_traits, len(tr)) for seg, tr in ranked.items()}

        def duplicated() -> list:
            # 同样几个说法（不论先后）算重名
            keys = pd.Series({seg: frozenset(ranked[seg][: used[seg]]) for seg in ranked})
            return list(keys[keys.duplicated(keep=False)].index)

        for _ in range(centroid_z.shape[1]):
            dup = duplicated()
            extend = [seg for seg in dup if used[seg] < len(ranked[seg])]
            if not extend:
                break
            for seg in extend:
                used[seg] += 1
        dup = set(duplicated())
        names = {}
        for seg, tr in ranked.items():
            name = "、".join(tr[: used[seg]]) if used[seg] else labels.text("behavior.near_average")
            names[seg] = f"{name}（{seg}）" if seg in dup else name
        return names

    def predict(self, X):
        """每行所属的群编号（1 = 人数最多的群）。

        Returns
        -------
        ndarray of int
        """
        return self._predict_frame(self._frame(X))

    def _predict_frame(self, df: pd.DataFrame) -> np.ndarray:
        return self._relabel[self.pipeline_.predict(df[self.features_])]

    def fit_predict(self, X, y=None):
        """拟合并返回训练样本的群编号（同 ``fit(X).labels_``）。"""
        return self.fit(X).labels_

    def assign(self, X) -> pd.DataFrame:
        """返回 ``X`` 的副本，末尾加上 ``segment``（群编号）与 ``segment_name``（画像名）两列。"""
        df = self._frame(X)
        seg = self._predict_frame(df)
        out = df.copy()
        out["segment"] = seg
        out["segment_name"] = pd.Series(seg, index=df.index).map(self.segment_names_).astype("str")
        return out

    def profile_table(self, X, y=None) -> pd.DataFrame:
        """分群画像表：每群人数、占比、各特征的群内中位数；给 ``y``（0/1）时加坏样本率。

        Parameters
        ----------
        X : DataFrame
            含分群特征的表。
        y : array-like or str, optional
            0/1 目标（1 = 坏），或 ``X`` 中的列名；缺失的行不计入坏样本率。

        Returns
        -------
        DataFrame
            列：``segment``、``segment_name``、``n_entities``、``segment_share``、各特征，
            （给 ``y`` 时）``bad_rate``。
        """
        X = self._frame(X)
        seg = self._predict_frame(X)
        df = X[self.features_].copy()
        df["segment"] = seg
        g = df.groupby("segment")
        out = g[self.features_].median()
        out.insert(0, "segment_share", g.size() / len(df))
        out.insert(0, "n_entities", g.size())
        if y is not None:
            target = X[y] if isinstance(y, str) else pd.Series(np.asarray(y, dtype=float), index=X.index)
            if isinstance(y, str) and y not in X.columns:
                raise RuralfinValueError(f"X 中没有目标列 {y!r}")
            if len(target) != len(df):
                raise RuralfinValueError(f"y 有 {len(target)} 行而 X 有 {len(df)} 行，两者应一样长")
            out["bad_rate"] = pd.Series(target.to_numpy(dtype=float), index=df.index).groupby(seg).mean()
        out = out.reindex(range(1, len(self.segment_names_) + 1)).fillna({"n_entities": 0, "segment_share": 0})
        out["n_entities"] = out["n_entities"].astype(np.int64)
        out.insert(0, "segment_name", [self.segment_names_[s] for s in out.index])
        return out.reset_index()


def plot_segment_profiles(centroid_z: pd.DataFrame, *, names: dict | None = None, ax: Any = None,
                          title: str | None = None) -> Any:
    """分群画像热力图：每行一群，每列一个特征，颜色和数字是群中心的标准分。

    红色 = 比全体平均高，蓝色 = 比平均低；颜色越深差得越多。画像名就是从这张图读出来的。

    Parameters
    ----------
    centroid_z : DataFrame
        :attr:`BehaviorSegmenter.centroid_z_`（行 = 群编号，列 = 特征）。
    names : dict, optional
        群编号 -> 画像名（:attr:`BehaviorSegmenter.segment_names_`），用作行标签。
    ax : matplotlib Axes, optional
    title : str, optional

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> import pandas as pd
    >>> z = pd.DataFrame({"inflow_avg": [1.2, -0.8], "inflow_cv": [-0.3, 0.6]}, index=[1, 2])
    >>> ax = plot_segment_profiles(z, names={1: "流水大", 2: "流水小、流水波动大"})
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['1 流水大', '2 流水小、流水波动大']
    >>> import matplotlib.pyplot as plt; plt.close("all")
    """
    from ..plotting import get_ax

    if not isinstance(centroid_z, pd.DataFrame):
        raise RuralfinTypeError(f"centroid_z 应为 DataFrame（BehaviorSegmenter.centroid_z_），实际是 {type(centroid_z).__name__}")
    if centroid_z.empty:
        raise RuralfinValueError("centroid_z 是空表，无图可画")
    check_frame(centroid_z, name="centroid_z", numeric=list(centroid_z.columns))
    values = centroid_z.to_numpy(dtype=float, na_value=np.nan)
    if not np.isfinite(values).all():
        raise RuralfinValueError(f"centroid_z 有 {int((~np.isfinite(values)).sum())} 个缺失或无穷大的标准分；"
                                 "应为 BehaviorSegmenter.centroid_z_ 这样全是有限数的表")
    if names is not None and not isinstance(names, dict):
        raise RuralfinTypeError(f"参数 names 应为“群编号 -> 画像名”的字典，实际是 {type(names).__name__}")
    ax = get_ax(ax, figsize=(1.3 * values.shape[1] + 3, 0.7 * values.shape[0] + 1.8))
    lim = max(1.0, float(np.nanmax(np.abs(values))))
    ax.imshow(values, cmap="RdBu_r", vmin=-lim, vmax=lim, aspect="auto")
    for i in range(values.shape[0]):
        for j in range(values.shape[1]):
            v = values[i, j]
            ax.text(j, i, f"{v:+.1f}", ha="center", va="center", color="white" if abs(v) > 0.6 * lim else "black")
    ax.set_xticks(range(values.shape[1]), [labels.label(c, unit=False) for c in centroid_z.columns], rotation=30,
                  ha="right")
    rows = [f"{s} {names[s]}" if names and s in names else str(s) for s in centroid_z.index]
    ax.set_yticks(range(values.shape[0]), rows)
    ax.grid(False)
    ax.set_title(labels.text("behavior.profile_title") if title is None else title)
    return ax
