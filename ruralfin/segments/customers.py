"""一户一行的客户表：把我行各表汇总成客户表（:func:`customer_summary`），找出还款表现良好的借款人
（:func:`performing_borrowers`）。

只用银行看得到的列，**从不使用** ``truth_*`` 表。列名默认与示范县一致（见 :mod:`ruralfin.schema`）。
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from .._validation import (
    as_of_index,
    as_of_timestamp,
    check_bool,
    check_frame,
    check_instance,
    check_int,
    fmt_list,
    key_columns,
    keys_found,
    month_end,
    month_index,
    numeric_column,
    same_key_type,
    schema_columns,
)
from ..errors import RuralfinValueError

__all__ = ["PRODUCT_FAMILIES", "customer_summary", "performing_borrowers"]

#: 产品大类 -> 示范县 ``product_type`` 取值。大纲“信贷、存款、理财、支付结算、账户、保险”
#: 组合销售；账户与支付结算合为 ``settlement``，信用卡与分期单列为消费信贷。
#: 各大类的中文名登记在 :mod:`ruralfin.labels` 的 ``product_family`` 列下。
PRODUCT_FAMILIES: dict[str, tuple[str, ...]] = {
    "credit": ("business_loan", "farmer_loan", "startup_guarantee_loan", "student_loan"),
    "deposit": ("deposit_current", "deposit_time"),
    "wealth": ("wealth",),
    "settlement": ("debit_card", "mobile_payment", "settlement", "ecommerce"),
    "insurance": ("insurance",),
    "consumer_credit": ("credit_card", "instalment"),
}

_SUMMARY_KEEP = (
    "entity_name", "customer_group", "industry", "sub_industry", "township", "village",
    "operator_name", "operator_phone", "operator_age", "years_in_business", "reported_revenue",
    "main_bank", "banks_with_us", "manager_id",
)


def customer_summary(
    entities: pd.DataFrame,
    holdings: pd.DataFrame,
    *,
    loans: pd.DataFrame | None = None,
    loan_monthly: pd.DataFrame | None = None,
    account_flows: pd.DataFrame | None = None,
    external_data: pd.DataFrame | None = None,
    soft_info: pd.DataFrame | None = None,
    as_of: Any = None,
    only_customers: bool = True,
    entity_id: str = "entity_id",
    keep: Sequence[str] = _SUMMARY_KEEP,
) -> pd.DataFrame:
    """把我行各表汇总成“一户一行”的客户表，供综合收益、存量挖掘、产品组合使用。

    计算的列（只用银行看得到的数据）：

    - 产品持有（来自 ``holdings``）：``has_credit``、``has_deposit``、``has_wealth``、
      ``has_settlement``、``has_insurance``、``has_consumer_credit``（大类见
      :data:`PRODUCT_FAMILIES`），``n_product_types``（持有几种产品）；
      ``loan_balance``（贷款余额）、``deposit_balance``（存款近 12 个月日均）、
      ``wealth_balance``、``fee_income``（近 12 个月中间业务收入合计）；
    - ``customer_years``：在我行开户年数（``customer_since`` 到 ``as_of``）；
    - 给了 ``loans`` 与 ``loan_monthly``：``loan_rate``（``as_of`` 当月在册贷款按余额加权的合同利率，
      无贷款为 0）、``max_dpd_12m``（近 12 个月最长逾期天数）；
    - 给了 ``account_flows``：``flow_months_12m``（近 12 个月有资金流入的月数）、
      ``inflow_12m``（近 12 个月流入合计）、``inflow_trend``（近 6 个月流入 / 前 6 个月 − 1）；
    - 给了 ``external_data``：``court_cases``、``public_security_flag``、``max_dpd_24m``、
      ``other_bank_debt``；给了 ``soft_info``：``village_reputation``、``manager_visit_score``。

    “近 12 个月”按月份算：``as_of`` 所在的月及之前的 11 个月。

    Parameters
    ----------
    entities, holdings : DataFrame
        示范县 ``entities`` 与 ``holdings``（产品持有：``product_type``、``balance``、
        ``avg_balance_12m``、``fee_income_12m``）。
    loans, loan_monthly, account_flows, external_data, soft_info : DataFrame, optional
        对应的示范县表；不给就不算相应的列。
    as_of : date-like, optional
        统计时点（如 ``"2025-12-31"``，或只写月份 ``"2025-12"``，取该月月末）；默认取
        ``loan_monthly`` 或 ``account_flows`` 的最后一个月的月末，再不然为示范县截止日 2025-12-31。
    only_customers : bool, default True
        只保留我行客户（``banks_with_us`` 为真或在 ``holdings`` 中有产品的主体）。
    entity_id : str, default "entity_id"
        各表共有的主体编号列。
    keep : sequence of str
        从 ``entities`` 带过来的列（不存在的列自动跳过）。

    各表的主体编号不许缺失，且与 ``entities`` 的编号同类型（都是整数或都是文字）；
    ``loan_monthly`` 的每笔贷款都要在 ``loans`` 里找得到合同；余额、中收、合同利率、逾期天数、
    资金流入等数值列按示范县表结构检查（不许缺失、无穷大或为负）。

    Returns
    -------
    DataFrame
        每个主体一行，按 ``entity_id`` 排序。展示时用 ``rf.to_display(结果, table="entities")``，
        主体表各列才会换成中文名并遮蔽经营者姓名、手机号。

    Examples
    --------
    >>> import pandas as pd
    >>> e = pd.DataFrame({"entity_id": [1, 2, 3], "customer_group": ["coop", "rural_micro", "coop"],
    ...                   "banks_with_us": [True, True, False],
    ...                   "customer_since": pd.to_datetime(["2020-12-31", "2024-12-31", None])})
    >>> h = pd.DataFrame({"entity_id": [1, 1, 2], "product_type": ["business_loan", "deposit_time", "settlement"],
    ...                   "balance": [50.0, 20.0, 0.0], "avg_balance_12m": [55.0, 18.0, 0.0],
    ...                   "fee_income_12m": [0.0, 0.0, 0.3]})
    >>> s = customer_summary(e, h, as_of="2025-12-31")
    >>> s[["entity_id", "has_credit", "loan_balance", "deposit_balance", "fee_income"]]
       entity_id  has_credit  loan_balance  deposit_balance  fee_income
    0          1        True          50.0             18.0         0.0
    1          2       False           0.0              0.0         0.3
    >>> s["customer_years"].round(1).tolist()
    [5.0, 1.0]
    """
    from ..schema import AS_OF

    check_frame(entities, name="entities")
    entity = key_columns(entities, entity_id, param="entity_id", frame="entities", unique=True)[0]
    only_customers = check_bool(only_customers, "only_customers")

    def table_keyed_by_entity(df, name, required=(), numeric=()):
        """一张按主体编号与 entities 对接的表：列齐、编号不缺且与 entities 同类型、数值列合规。"""
        check_frame(df, [entity, *required, *numeric], name=name, allow_empty=True)
        key_columns(df, entity, param="entity_id", frame=name)
        same_key_type(("entities", entities, entity), (name, df, entity))
        schema_columns(df, name, numeric)

    table_keyed_by_entity(holdings, "holdings", ["product_type"], ["balance", "avg_balance_12m", "fee_income_12m"])
    check_instance(keep, (), "keep", items=str)
    if (loans is None) != (loan_monthly is None):
        raise RuralfinValueError("参数 loans 与 loan_monthly 要同时给出（贷款利率与逾期需要两张表）")
    lm_month = flow_month = None
    if loan_monthly is not None:
        check_frame(loans, ["loan_id", "contract_rate"], name="loans", allow_empty=True)
        key_columns(loans, "loan_id", param="loan_id", frame="loans", unique=True)
        schema_columns(loans, "loans", ["contract_rate"])
        table_keyed_by_entity(loan_monthly, "loan_monthly", ["loan_id", "month"], ["balance", "days_past_due"])
        key_columns(loan_monthly, "loan_id", param="loan_id", frame="loan_monthly")
        same_key_type(("loan_monthly", loan_monthly, "loan_id"), ("loans", loans, "loan_id"))
        keys_found(loan_monthly, loans, "loan_id", left_frame="loan_monthly", right_frame="loans")
        lm_month = month_index(loan_monthly, "month", frame="loan_monthly")
    if account_flows is not None:
        table_keyed_by_entity(account_flows, "account_flows", ["month"], ["inflow_amount"])
        flow_month = month_index(account_flows, "month", frame="account_flows")
    if as_of is not None:
        ts = as_of_timestamp(as_of)
    else:
        last = [int(m.max()) for m in (lm_month, flow_month) if m is not None and len(m)]
        ts = month_end(last[0]) if last else as_of_timestamp(AS_OF)
    t = as_of_index(ts)
    out = entities[[entity] + [c for c in keep if c in entities.columns and c != entity]].copy()

    ptype = holdings["product_type"].astype(object)
    known = {p for fam in PRODUCT_FAMILIES.values() for p in fam}
    unknown = sorted(set(ptype.dropna()) - known)
    if unknown:
        raise RuralfinValueError(
            f"holdings 的列 product_type 有不认识的取值：{fmt_list(unknown)}；"
            f"可用的取值见 ruralfin.segments.PRODUCT_FAMILIES"
        )
    fam_of = {p: fam for fam, ps in PRODUCT_FAMILIES.items() for p in ps}
    h = pd.DataFrame({
        entity: holdings[entity].to_numpy(),
        "family": ptype.map(fam_of).to_numpy(),
        "product_type": ptype.to_numpy(),
        "balance": holdings["balance"].to_numpy(dtype=float),
        "avg_balance_12m": holdings["avg_balance_12m"].to_numpy(dtype=float),
        "fee_income_12m": holdings["fee_income_12m"].to_numpy(dtype=float),
    })
    agg = pd.DataFrame(index=pd.Index(pd.unique(h[entity]), name=entity))
    for fam in PRODUCT_FAMILIES:
        ids = set(h.loc[h["family"] == fam, entity])
        agg[f"has_{fam}"] = agg.index.isin(list(ids))
    agg["n_product_types"] = h.groupby(entity)["product_type"].nunique()
    agg["loan_balance"] = h[h["family"] == "credit"].groupby(entity)["balance"].sum()
    agg["deposit_balance"] = h[h["family"] == "deposit"].groupby(entity)["avg_balance_12m"].sum()
    agg["wealth_balance"] = h[h["family"] == "wealth"].groupby(entity)["balance"].sum()
    agg["fee_income"] = h.groupby(entity)["fee_income_12m"].sum()
    out = out.merge(agg.reset_index(), on=entity, how="left")
    for fam in PRODUCT_FAMILIES:
        out[f"has_{fam}"] = out[f"has_{fam}"].fillna(False).astype(bool)
    for c in ["n_product_types"]:
        out[c] = out[c].fillna(0).astype("int64")
    for c in ["loan_balance", "deposit_balance", "wealth_balance", "fee_income"]:
        out[c] = out[c].astype(float).fillna(0.0)

    if "customer_since" in entities.columns:
        since = pd.to_datetime(entities["customer_since"]).to_numpy()
        days = (ts.to_datetime64() - since) / np.timedelta64(1, "D")
        out["customer_years"] = np.where(np.isnan(days), np.nan, np.maximum(days, 0) / 365.25)

    if loan_monthly is not None:
        cur = loan_monthly[(lm_month == t) & (loan_monthly["balance"] > 0).to_numpy()]
        cur = cur[[entity, "loan_id", "balance"]].merge(loans[["loan_id", "contract_rate"]], on="loan_id", how="left")
        cur = cur.assign(_rb=cur["balance"] * cur["contract_rate"])
        r = cur.groupby(entity)[["_rb", "balance"]].sum()
        rate = (r["_rb"] / r["balance"]).rename("loan_rate")
        win = loan_monthly[(lm_month > t - 12) & (lm_month <= t)]
        dpd = win.groupby(entity)["days_past_due"].max().rename("max_dpd_12m")
        out = out.merge(rate, left_on=entity, right_index=True, how="left")
        out = out.merge(dpd, left_on=entity, right_index=True, how="left")
        out["loan_rate"] = out["loan_rate"].astype(float).fillna(0.0)

    if account_flows is not None:
        in12 = (flow_month > t - 12) & (flow_month <= t)
        last12 = account_flows[in12]
        recent = flow_month[in12] > t - 6
        inflow = last12["inflow_amount"].to_numpy(dtype=float)
        f = pd.DataFrame({
            entity: last12[entity].to_numpy(),
            "_in": inflow,
            "_pos": (inflow > 0).astype("int64"),
            "_recent": np.where(recent, inflow, 0.0),
        })
        fa = f.groupby(entity).agg(flow_months_12m=("_pos", "sum"), inflow_12m=("_in", "sum"),
                                   _recent=("_recent", "sum"))
        prior = fa["inflow_12m"] - fa["_recent"]
        fa["inflow_trend"] = np.where(prior > 0, fa["_recent"] / prior.where(prior > 0, 1.0) - 1.0, np.nan)
        out = out.merge(fa.drop(columns="_recent"), left_on=entity, right_index=True, how="left")
        out["flow_months_12m"] = out["flow_months_12m"].fillna(0).astype("int64")
        out["inflow_12m"] = out["inflow_12m"].astype(float).fillna(0.0)

    for frame, name, cols in [
        (external_data, "external_data", ["court_cases", "public_security_flag", "max_dpd_24m", "other_bank_debt"]),
        (soft_info, "soft_info", ["village_reputation", "manager_visit_score"]),
    ]:
        if frame is None:
            continue
        check_frame(frame, [entity], name=name, allow_empty=True)
        have = [c for c in cols if c in frame.columns]
        if not have:
            raise RuralfinValueError(f"{name} 缺少可用的列：应至少含 {fmt_list(cols)} 之一")
        key_columns(frame, entity, param="entity_id", frame=name, unique=True)
        same_key_type(("entities", entities, entity), (name, frame, entity))
        schema_columns(frame, name, have)
        out = out.merge(frame[[entity] + have], on=entity, how="left", validate="one_to_one")

    if only_customers:
        mask = out[[f"has_{f}" for f in PRODUCT_FAMILIES]].any(axis=1)
        if "banks_with_us" in out.columns:
            mask |= out["banks_with_us"].fillna(False).astype(bool)
        out = out[mask.to_numpy()]
    return out.sort_values(entity, kind="stable").reset_index(drop=True)


def performing_borrowers(
    loan_monthly: pd.DataFrame,
    *,
    as_of: Any = None,
    months: int = 12,
    max_dpd: int = 0,
    entity_id: str = "entity_id",
    month: str = "month",
    days_past_due: str = "days_past_due",
    balance: str = "balance",
) -> pd.DataFrame:
    """近期还款表现良好的借款人：作为“我行优质客户”，找他们的上下游。

    规则（透明、可改）：在 ``as_of`` 所在月及之前共 ``months`` 个月内有贷款记录的借款人中，
    期间最长逾期天数 ≤ ``max_dpd`` 的记为表现良好（``is_performing``）。

    Parameters
    ----------
    loan_monthly : DataFrame
        贷款月度表现表（示范县 ``loan_monthly``）。
    as_of : date-like, optional
        统计时点（日期或 ``"2025-12"`` 这样的月份）；默认取表中最后一个月。
    months : int, default 12
        回看的月数。
    max_dpd : int, default 0
        允许的最长逾期天数（0 表示从未逾期）。
    entity_id, month, days_past_due, balance : str
        主体编号、月份、逾期天数、余额列。逾期天数与余额不许缺失、不许为负：缺一个月的逾期天数，
        就说不清这户是不是“从未逾期”。

    Returns
    -------
    DataFrame
        每个借款人一行：``entity_id``、``n_loans``、``max_dpd``（期间最长逾期天数）、
        ``balance``（``as_of`` 当月余额）、``is_performing``。

    Examples
    --------
    >>> import pandas as pd
    >>> lm = pd.DataFrame({"loan_id": [1, 1, 2, 2], "entity_id": [10, 10, 20, 20],
    ...     "month": pd.to_datetime(["2025-11-30", "2025-12-31"] * 2),
    ...     "balance": [10.0, 9.0, 5.0, 5.0], "days_past_due": [0, 0, 0, 35]})
    >>> performing_borrowers(lm)
       entity_id  n_loans  max_dpd  balance  is_performing
    0         10        1        0      9.0           True
    1         20        1       35      5.0          False
    """
    check_frame(loan_monthly, name="loan_monthly")
    entity = key_columns(loan_monthly, entity_id, param="entity_id", frame="loan_monthly")[0]
    for param, col in (("days_past_due", days_past_due), ("balance", balance)):
        numeric_column(loan_monthly, col, param=param, frame="loan_monthly", min_value=0)
    n = check_int(months, "months", min_value=1, max_value=1200)
    limit = check_int(max_dpd, "max_dpd", min_value=0, max_value=3650)
    m = month_index(loan_monthly, month, param="month", frame="loan_monthly")
    t = as_of_index(as_of) if as_of is not None else int(m.max())
    sel = (m > t - n) & (m <= t)
    win = loan_monthly[sel]
    if win.empty:
        raise RuralfinValueError(
            f"loan_monthly 在 {month_end(t).date()} 之前 {n} 个月内没有记录（参数 as_of / months）")
    g = win.groupby(entity)
    res = pd.DataFrame({
        "n_loans": g["loan_id"].nunique() if "loan_id" in win.columns else g.size(),
        "max_dpd": g[days_past_due].max(),
    })
    now = win[m[sel] == t]
    res["balance"] = now.groupby(entity)[balance].sum()
    res["balance"] = res["balance"].astype(float).fillna(0.0)
    res["is_performing"] = res["max_dpd"] <= limit
    return res.reset_index()
