"""客群与精准营销：五类客群画像、渗透率与同业份额、上下游与存量客户挖掘、产品组合、走访清单。

对应课程第 12 课《三农客群与精准营销调研》（大纲 一(二)、一(三)）：

- :func:`group_profile`、:func:`entity_mix`、:func:`add_age_band`：五类客群有多少、
  分布在哪些行业、经营者多大年纪、在哪个乡镇；
- :func:`penetration`、:func:`market_share`：我行渗透率（我行客户 / 全部主体）与各机构
  作为主办行的份额，可按客群、行业、乡镇切分；
- :func:`customer_summary`：把产品持有、贷款、流水、外部与软信息汇总成“一户一行”的客户表；
- :func:`performing_borrowers` + :func:`supply_chain_prospects`：我行优质客户的上下游中
  还不是我行客户的，按透明的打分排序；
- :func:`prospect_rules` + :func:`existing_customer_prospects`：有存款或结算、但没有贷款的
  存量客户里，按可观察数据打分找出值得营销贷款的；
- :func:`product_bundles`：按客群看各类产品的持有率，建议“信贷作载体 + 补短板”的组合；
- :func:`target_list`、:func:`export_target_list`：按乡镇/行业/客群筛选、排序，导出 Excel 走访清单；
- :func:`plot_market_share`：各客群主办行份额的堆叠条形图。

所有打分只用银行看得到的列，**从不使用** ``truth_*`` 表（那是生成器才知道的真相，
只用于课后检验）。列名默认与示范县一致（见 :mod:`ruralfin.schema`），
分析自己银行的数据时用关键字参数改成自己的列名。
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ._validation import check_choice, check_frame, check_int, check_number, fmt_list
from .errors import RuralfinTypeError, RuralfinValueError, RuralfinWarning

__all__ = [
    "PRODUCT_FAMILIES",
    "add_age_band",
    "group_profile",
    "entity_mix",
    "penetration",
    "market_share",
    "customer_summary",
    "performing_borrowers",
    "supply_chain_prospects",
    "prospect_rules",
    "existing_customer_prospects",
    "product_bundles",
    "target_list",
    "export_target_list",
    "plot_market_share",
]

#: 产品大类 -> 示范县 ``product_type`` 取值。大纲“信贷、存款、理财、支付结算、账户、保险”
#: 组合销售；账户与支付结算合为 ``settlement``，信用卡与分期单列为消费信贷。
PRODUCT_FAMILIES: dict[str, tuple[str, ...]] = {
    "credit": ("business_loan", "farmer_loan", "startup_guarantee_loan", "student_loan"),
    "deposit": ("deposit_current", "deposit_time"),
    "wealth": ("wealth",),
    "settlement": ("debit_card", "mobile_payment", "settlement", "ecommerce"),
    "insurance": ("insurance",),
    "consumer_credit": ("credit_card", "instalment"),
}


def _col(df: pd.DataFrame, col: Any, param: str, frame: str) -> str:
    if not isinstance(col, str):
        raise RuralfinTypeError(f"参数 {param} 应为列名（字符串），实际是 {col!r}")
    if col not in df.columns:
        raise RuralfinValueError(f"参数 {param} 指定的列 {col!r} 不在 {frame} 中（现有列：{fmt_list(df.columns)}）")
    return col


def _keys(by: Any, df: pd.DataFrame, frame: str, param: str = "by") -> list[str]:
    if by is None:
        return []
    cols = [by] if isinstance(by, str) else list(by) if isinstance(by, (list, tuple)) else None
    if not cols or not all(isinstance(c, str) for c in cols):
        raise RuralfinTypeError(f"参数 {param} 应为列名或列名列表，实际是 {by!r}")
    for c in cols:
        _col(df, c, param, frame)
    return cols


def _bool_col(df: pd.DataFrame, col: str, param: str, frame: str) -> pd.Series:
    _col(df, col, param, frame)
    s = df[col]
    if not pd.api.types.is_bool_dtype(s):
        raise RuralfinTypeError(f"{frame} 的列 {col}（参数 {param}）应为布尔值（True/False），实际是 {s.dtype}")
    return s.fillna(False).astype(bool)


def _group(df: pd.DataFrame, keys: list[str]):
    return df.groupby(keys, observed=True, sort=True, dropna=False)


# ---------------------------------------------------------------------------
# 画像
# ---------------------------------------------------------------------------


def add_age_band(
    entities: pd.DataFrame,
    *,
    age: str = "operator_age",
    bins: Sequence[int] = (30, 40, 50, 60),
    out: str = "age_band",
) -> pd.DataFrame:
    """按经营者年龄分段，返回追加了年龄段列的新表。

    默认分成“30 岁以下、30–39、40–49、50–59、60 岁及以上”五段，编码为
    ``under_30``、``30_39``、``40_49``、``50_59``、``60_plus``（有序类别）。

    Parameters
    ----------
    entities : DataFrame
        主体表。
    age : str, default "operator_age"
        年龄列。
    bins : sequence of int, default (30, 40, 50, 60)
        分段的切点（严格递增）；每段含下限、不含上限。
    out : str, default "age_band"
        新列名。

    Examples
    --------
    >>> import pandas as pd
    >>> e = pd.DataFrame({"operator_age": [25, 30, 47, 61]})
    >>> add_age_band(e)["age_band"].tolist()
    ['under_30', '30_39', '40_49', '60_plus']
    """
    check_frame(entities, [age], name="entities", numeric=[age])
    edges = [check_int(b, "bins") for b in bins]
    if not edges or any(b >= c for b, c in zip(edges, edges[1:])):
        raise RuralfinValueError(f"参数 bins 应为严格递增的整数切点，实际是 {list(bins)!r}")
    codes = [f"under_{edges[0]}"] + [f"{a}_{b - 1}" for a, b in zip(edges, edges[1:])] + [f"{edges[-1]}_plus"]
    idx = np.searchsorted(np.asarray(edges), entities[age].to_numpy(dtype=float), side="right")
    vals = np.asarray(codes, dtype=object)[idx]
    vals[entities[age].isna().to_numpy()] = None
    res = entities.copy()
    res[out] = pd.Categorical(vals, categories=codes, ordered=True)
    return res


def group_profile(
    entities: pd.DataFrame,
    *,
    group: str = "customer_group",
    customer: str | None = "banks_with_us",
    age: str | None = "operator_age",
    revenue: str | None = "reported_revenue",
    years: str | None = "years_in_business",
    employees: str | None = "employees",
) -> pd.DataFrame:
    """五类客群画像：每类有多少户、占比、我行客户数与渗透率、经营者年龄与经营规模的中位数。

    Parameters
    ----------
    entities : DataFrame
        主体表（示范县 ``entities``），每行一个经营主体。
    group : str, default "customer_group"
        客群列。
    customer : str or None, default "banks_with_us"
        是否我行客户的布尔列；``None`` 时不计渗透率。
    age, revenue, years, employees : str or None
        经营者年龄、年营业收入、经营年限、从业人数列；``None`` 时不计该项。

    Returns
    -------
    DataFrame
        每个客群一行：``customer_group``、``n_entities``、``entity_share``（占全部主体）、
        ``n_customers``、``penetration``、``median_operator_age``、``median_revenue``、
        ``median_years_in_business``、``mean_employees``（给了对应列才有）。

    Examples
    --------
    >>> import pandas as pd
    >>> e = pd.DataFrame({"customer_group": ["coop", "coop", "farmer_household", "farmer_household"],
    ...                   "banks_with_us": [True, False, True, True],
    ...                   "operator_age": [50, 54, 60, 40], "reported_revenue": [100.0, 200.0, 8.0, 10.0]})
    >>> group_profile(e, years=None, employees=None)[["customer_group", "n_entities", "penetration",
    ...                                                "median_operator_age"]]
         customer_group  n_entities  penetration  median_operator_age
    0              coop           2          0.5                 52.0
    1  farmer_household           2          1.0                 50.0
    """
    check_frame(entities, [group], name="entities")
    g = _group(entities, [group])
    res = pd.DataFrame({"n_entities": g.size()})
    res["entity_share"] = res["n_entities"] / len(entities)
    if customer is not None:
        flag = _bool_col(entities, customer, "customer", "entities")
        res["n_customers"] = flag.groupby(entities[group], observed=True, sort=True, dropna=False).sum().astype("int64")
        res["penetration"] = res["n_customers"] / res["n_entities"]
    for col, param, name, how in [
        (age, "age", "median_operator_age", "median"),
        (revenue, "revenue", "median_revenue", "median"),
        (years, "years", "median_years_in_business", "median"),
        (employees, "employees", "mean_employees", "mean"),
    ]:
        if col is None:
            continue
        _col(entities, col, param, "entities")
        check_frame(entities, numeric=[col], name="entities")
        res[name] = getattr(g[col], how)().astype(float)
    return res.reset_index()


def entity_mix(
    entities: pd.DataFrame,
    *,
    rows: str = "customer_group",
    columns: str | None = "industry",
    pivot: str | None = None,
) -> pd.DataFrame:
    """主体构成交叉表：如客群 × 行业、客群 × 乡镇、行业 × 年龄段的户数与占比。

    Parameters
    ----------
    entities : DataFrame
        主体表（也可以是筛选后的，如只含信贷客户）。
    rows : str, default "customer_group"
        行分组列。
    columns : str or None, default "industry"
        列分组列；``None`` 时只按 ``rows`` 计数（此时没有 ``row_share``：每行只有一格，
        占该行合计恒为 1，没有意义；看各组占全部的比例用 ``total_share``）。
    pivot : {"n_entities", "row_share", "total_share"}, optional
        给出时返回 ``rows`` × ``columns`` 的宽表。

    Returns
    -------
    DataFrame
        长表：分组列、``n_entities``、``row_share``（占该行合计；``columns=None`` 时没有这一列）、
        ``total_share``（占全部）。

    Examples
    --------
    >>> import pandas as pd
    >>> e = pd.DataFrame({"customer_group": ["coop", "coop", "coop", "rural_micro"],
    ...                   "industry": ["agri_production", "agri_production", "catering", "catering"]})
    >>> entity_mix(e)
      customer_group         industry  n_entities  row_share  total_share
    0           coop  agri_production           2   0.666667         0.50
    1           coop         catering           1   0.333333         0.25
    2    rural_micro         catering           1   1.000000         0.25
    >>> entity_mix(e, pivot="n_entities")
    industry        agri_production  catering
    customer_group
    coop                          2         1
    rural_micro                   0         1
    >>> entity_mix(e, columns=None)
      customer_group  n_entities  total_share
    0           coop           3         0.75
    1    rural_micro           1         0.25
    """
    check_frame(entities, name="entities")
    keys = _keys(rows, entities, "entities", "rows") + _keys(columns, entities, "entities", "columns")
    res = _group(entities, keys).size().rename("n_entities").reset_index()
    if columns is not None:  # 只有一个分组列时占该行合计恒为 1，不给
        res["row_share"] = res["n_entities"] / res.groupby(keys[0], observed=True)["n_entities"].transform("sum")
    res["total_share"] = res["n_entities"] / len(entities)
    if pivot is not None:
        if columns is None:
            raise RuralfinValueError("参数 pivot 需要同时给出 columns（列分组）")
        check_choice(pivot, ["n_entities", "row_share", "total_share"], "pivot")
        fill = 0 if pivot == "n_entities" else 0.0
        return res.pivot(index=rows, columns=columns, values=pivot).fillna(fill).astype(
            "int64" if pivot == "n_entities" else float)
    return res


def penetration(
    entities: pd.DataFrame,
    *,
    by: str | Sequence[str] | None = "customer_group",
    customer: str = "banks_with_us",
    main_bank: str | None = "main_bank",
    ours: str = "ours",
) -> pd.DataFrame:
    """我行渗透率与主办行份额：按客群、行业、乡镇等切分。

    - 渗透率 ``penetration`` = 与我行有业务往来的主体数 / 全部主体数；
    - 我行主办行份额 ``main_bank_share`` = 以我行为主办行的主体数 / 全部主体数；
    - 同业主办行份额 ``peer_main_share`` = 1 − 我行主办行份额（主办行是同业的比例）。

    渗透率高而主办行份额低，说明客户“有户无量”：开了户，但主要业务在同业。

    Parameters
    ----------
    entities : DataFrame
        主体表，每行一个经营主体（全县调查口径，不只是我行客户）。
    by : str, list of str or None, default "customer_group"
        分组列；``None`` 时给出全县一行。
    customer : str, default "banks_with_us"
        是否我行客户的布尔列。
    main_bank : str or None, default "main_bank"
        主办行列；``None`` 时不计主办行份额。
    ours : str, default "ours"
        主办行列中代表我行的取值。

    Returns
    -------
    DataFrame
        分组列、``n_entities``、``n_customers``、``penetration``，以及（给了 ``main_bank`` 时）
        ``n_main_bank_ours``、``main_bank_share``、``peer_main_share``。

    Examples
    --------
    >>> import pandas as pd
    >>> e = pd.DataFrame({"customer_group": ["coop"] * 4 + ["rural_micro"] * 2,
    ...                   "banks_with_us": [True, True, True, False, False, True],
    ...                   "main_bank": ["ours", "peer_b", "ours", "peer_a", "peer_b", "peer_c"]})
    >>> penetration(e)[["customer_group", "n_entities", "penetration", "main_bank_share"]]
      customer_group  n_entities  penetration  main_bank_share
    0           coop           4         0.75              0.5
    1    rural_micro           2         0.50              0.0
    """
    check_frame(entities, name="entities")
    keys = _keys(by, entities, "entities")
    work = pd.DataFrame({"_one": np.ones(len(entities), dtype="int64")}, index=entities.index)
    work["n_customers"] = _bool_col(entities, customer, "customer", "entities").astype("int64")
    if main_bank is not None:
        _col(entities, main_bank, "main_bank", "entities")
        work["n_main_bank_ours"] = (entities[main_bank].astype(object) == ours).astype("int64")
    for k in keys:
        work[k] = entities[k]
    if keys:
        res = _group(work, keys).sum()
    else:
        res = work.drop(columns=[]).sum().to_frame().T
    res = res.rename(columns={"_one": "n_entities"})
    res["penetration"] = res["n_customers"] / res["n_entities"]
    cols = ["n_entities", "n_customers", "penetration"]
    if main_bank is not None:
        res["main_bank_share"] = res["n_main_bank_ours"] / res["n_entities"]
        res["peer_main_share"] = 1.0 - res["main_bank_share"]
        cols += ["n_main_bank_ours", "main_bank_share", "peer_main_share"]
    res = res[cols]
    return res.reset_index() if keys else res.reset_index(drop=True)


def market_share(
    entities: pd.DataFrame,
    *,
    by: str | Sequence[str] | None = "customer_group",
    institution: str = "main_bank",
    pivot: bool = False,
) -> pd.DataFrame:
    """各机构作为主办行的份额（我行与同业），按客群、行业、乡镇等切分。

    Parameters
    ----------
    entities : DataFrame
        主体表（全县调查口径）。
    by : str, list of str or None, default "customer_group"
        分组列；``None`` 时给出全县。
    institution : str, default "main_bank"
        主办行列。
    pivot : bool, default False
        ``True`` 时返回宽表：每个分组一行、每个机构一列，值为份额。

    Returns
    -------
    DataFrame
        长表：分组列、``main_bank``（机构）、``n_entities``、``institution_share``（在该分组内的份额）。

    Examples
    --------
    >>> import pandas as pd
    >>> e = pd.DataFrame({"customer_group": ["coop", "coop", "coop", "coop"],
    ...                   "main_bank": ["ours", "ours", "peer_a", "peer_b"]})
    >>> market_share(e)
      customer_group main_bank  n_entities  institution_share
    0           coop      ours           2               0.50
    1           coop    peer_a           1               0.25
    2           coop    peer_b           1               0.25
    """
    check_frame(entities, name="entities")
    keys = _keys(by, entities, "entities")
    _col(entities, institution, "institution", "entities")
    res = _group(entities, keys + [institution]).size().rename("n_entities").reset_index()
    if keys:
        res["institution_share"] = res["n_entities"] / res.groupby(keys, observed=True)["n_entities"].transform("sum")
    else:
        res["institution_share"] = res["n_entities"] / res["n_entities"].sum()
    if pivot:
        if not keys:
            return res.set_index(institution)[["institution_share"]].T.reset_index(drop=True)
        wide = res.pivot_table(index=keys, columns=institution, values="institution_share", observed=True,
                               fill_value=0.0)
        wide.columns = [str(c) for c in wide.columns]
        return wide.reset_index()
    return res


# ---------------------------------------------------------------------------
# 一户一行的客户表
# ---------------------------------------------------------------------------


def _as_of(value: Any, *frames_and_cols) -> pd.Timestamp:
    if value is not None:
        try:
            ts = pd.Timestamp(value)
        except (TypeError, ValueError) as exc:
            raise RuralfinValueError(f"参数 as_of 应为日期（如 '2025-12-31'），实际是 {value!r}") from exc
        if ts is pd.NaT:
            raise RuralfinValueError(f"参数 as_of 应为日期（如 '2025-12-31'），实际是 {value!r}")
        return ts
    for df, col in frames_and_cols:
        if df is not None and col in df.columns and len(df):
            return pd.Timestamp(pd.to_datetime(df[col]).max())
    from ..schema import AS_OF

    return pd.Timestamp(AS_OF)


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
    entity: str = "entity_id",
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
    - 给了 ``loans`` 与 ``loan_monthly``：``loan_rate``（在册贷款按余额加权的合同利率，
      无贷款为 0）、``max_dpd_12m``（近 12 个月最长逾期天数）；
    - 给了 ``account_flows``：``flow_months_12m``（近 12 个月有资金流入的月数）、
      ``inflow_12m``（近 12 个月流入合计）、``inflow_trend``（近 6 个月流入 / 前 6 个月 − 1）；
    - 给了 ``external_data``：``court_cases``、``public_security_flag``、``max_dpd_24m``、
      ``other_bank_debt``；给了 ``soft_info``：``village_reputation``、``manager_visit_score``。

    Parameters
    ----------
    entities, holdings : DataFrame
        示范县 ``entities`` 与 ``holdings``（产品持有：``product_type``、``balance``、
        ``avg_balance_12m``、``fee_income_12m``）。
    loans, loan_monthly, account_flows, external_data, soft_info : DataFrame, optional
        对应的示范县表；不给就不算相应的列。
    as_of : date-like, optional
        统计时点；默认取 ``loan_monthly`` 或 ``account_flows`` 的最后一个月，再不然为
        示范县截止日 2025-12-31。
    only_customers : bool, default True
        只保留我行客户（``banks_with_us`` 为真或在 ``holdings`` 中有产品的主体）。
    entity : str, default "entity_id"
        各表共有的主体编号列。
    keep : sequence of str
        从 ``entities`` 带过来的列（不存在的列自动跳过）。

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
    check_frame(entities, [entity], name="entities")
    check_frame(holdings, [entity, "product_type", "balance", "avg_balance_12m", "fee_income_12m"],
                name="holdings", numeric=["balance", "avg_balance_12m", "fee_income_12m"], allow_empty=True)
    if entities[entity].duplicated().any():
        raise RuralfinValueError(f"entities 的列 {entity} 有重复值，主体表应每个主体一行")
    ts = _as_of(as_of, (loan_monthly, "month"), (account_flows, "month"))
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

    if loans is not None or loan_monthly is not None:
        if loans is None or loan_monthly is None:
            raise RuralfinValueError("参数 loans 与 loan_monthly 要同时给出（贷款利率与逾期需要两张表）")
        check_frame(loans, ["loan_id", "contract_rate"], name="loans", numeric=["contract_rate"], allow_empty=True)
        check_frame(loan_monthly, ["loan_id", entity, "month", "balance", "days_past_due"], name="loan_monthly",
                    numeric=["balance", "days_past_due"], allow_empty=True)
        months = pd.to_datetime(loan_monthly["month"])
        cur = loan_monthly[(months == ts).to_numpy() & (loan_monthly["balance"] > 0).to_numpy()]
        cur = cur[[entity, "loan_id", "balance"]].merge(loans[["loan_id", "contract_rate"]], on="loan_id", how="left")
        cur = cur.assign(_rb=cur["balance"] * cur["contract_rate"])
        r = cur.groupby(entity)[["_rb", "balance"]].sum()
        rate = (r["_rb"] / r["balance"]).rename("loan_rate")
        win = loan_monthly[((months > ts - pd.DateOffset(months=12)) & (months <= ts)).to_numpy()]
        dpd = win.groupby(entity)["days_past_due"].max().rename("max_dpd_12m")
        out = out.merge(rate, left_on=entity, right_index=True, how="left")
        out = out.merge(dpd, left_on=entity, right_index=True, how="left")
        out["loan_rate"] = out["loan_rate"].astype(float).fillna(0.0)

    if account_flows is not None:
        check_frame(account_flows, [entity, "month", "inflow_amount"], name="account_flows",
                    numeric=["inflow_amount"], allow_empty=True)
        m = pd.to_datetime(account_flows["month"])
        last12 = account_flows[((m > ts - pd.DateOffset(months=12)) & (m <= ts)).to_numpy()]
        recent = (pd.to_datetime(last12["month"]) > ts - pd.DateOffset(months=6)).to_numpy()
        f = pd.DataFrame({
            entity: last12[entity].to_numpy(),
            "_in": last12["inflow_amount"].to_numpy(dtype=float),
            "_pos": (last12["inflow_amount"].to_numpy(dtype=float) > 0).astype("int64"),
            "_recent": np.where(recent, last12["inflow_amount"].to_numpy(dtype=float), 0.0),
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
    entity: str = "entity_id",
    month: str = "month",
    dpd: str = "days_past_due",
    balance: str = "balance",
) -> pd.DataFrame:
    """近期还款表现良好的借款人：作为“我行优质客户”，找他们的上下游。

    规则（透明、可改）：在 ``as_of`` 之前 ``months`` 个月内（含当月）有贷款记录的借款人中，
    期间最长逾期天数 ≤ ``max_dpd`` 的记为表现良好（``is_performing``）。

    Parameters
    ----------
    loan_monthly : DataFrame
        贷款月度表现表（示范县 ``loan_monthly``）。
    as_of : date-like, optional
        统计时点；默认取表中最后一个月。
    months : int, default 12
        回看的月数。
    max_dpd : int, default 0
        允许的最长逾期天数（0 表示从未逾期）。
    entity, month, dpd, balance : str
        主体编号、月份、逾期天数、余额列。

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
    check_frame(loan_monthly, [entity, month, dpd, balance], name="loan_monthly", numeric=[dpd, balance])
    n = check_int(months, "months", min_value=1)
    limit = check_int(max_dpd, "max_dpd", min_value=0)
    ts = _as_of(as_of, (loan_monthly, month))
    m = pd.to_datetime(loan_monthly[month])
    win = loan_monthly[((m > ts - pd.DateOffset(months=n)) & (m <= ts)).to_numpy()]
    if win.empty:
        raise RuralfinValueError(f"loan_monthly 在 {ts.date()} 之前 {n} 个月内没有记录（参数 as_of / months）")
    has_loan_id = "loan_id" in win.columns
    g = win.groupby(entity)
    res = pd.DataFrame({
        "n_loans": g["loan_id"].nunique() if has_loan_id else g.size(),
        "max_dpd": g[dpd].max(),
    })
    now = win[(pd.to_datetime(win[month]) == ts).to_numpy()]
    res["balance"] = now.groupby(entity)[balance].sum()
    res["balance"] = res["balance"].astype(float).fillna(0.0)
    res["is_performing"] = res["max_dpd"] <= limit
    return res.reset_index()


# ---------------------------------------------------------------------------
# 上下游交叉营销
# ---------------------------------------------------------------------------

#: 供应链潜在客户打分的默认权重（满分 100）：关联的优质客户数、份额合计、平均合作年限。
SUPPLY_CHAIN_WEIGHTS = {"links": 50.0, "share": 30.0, "years": 20.0}


def supply_chain_prospects(
    supply_chain: pd.DataFrame,
    good_customers: Iterable[Any],
    *,
    entities: pd.DataFrame | None = None,
    weights: dict[str, float] | None = None,
    links_cap: int = 5,
    years_cap: float = 10.0,
    entity: str = "entity_id",
    counterparty: str = "counterparty_key",
    banks_with_us: str = "counterparty_banks_with_us",
) -> pd.DataFrame:
    """上下游交叉营销：我行优质客户的供应商和买家中，还不是我行客户的，按分数排序。

    打分（满分 100，权重可改，见 :data:`SUPPLY_CHAIN_WEIGHTS`）：

    - 关联度 = ``links`` × min(关联的优质客户数 / ``links_cap``, 1)：被越多优质客户提到，
      越可能是当地的关键节点（合作社、批发市场、龙头企业），一次营销能串起一条链；
    - 份额 = ``share`` × min(在这些客户采购或销售中的份额合计, 1)：份额越大，交易越真实、
      资金往来越多；
    - 稳定性 = ``years`` × min(平均合作年限 / ``years_cap``, 1)。

    “不是我行客户”以供应链表中的 ``counterparty_banks_with_us`` 为准：任何一条记录显示
    对方已是我行客户就排除。

    Parameters
    ----------
    supply_chain : DataFrame
        示范县 ``supply_chain`` 表（每行一条 主体 → 交易对手 的关系）。
    good_customers : iterable
        我行优质客户的主体编号，例如
        ``performing_borrowers(loan_monthly).query("is_performing")["entity_id"]``。
    entities : DataFrame, optional
        主体表；给出时为县内的交易对手补上客群、行业、乡镇、村。
    weights : dict, optional
        覆盖默认权重，键为 ``links``、``share``、``years``。
    links_cap : int, default 5
        关联客户数达到多少算满分。
    years_cap : float, default 10.0
        平均合作年限达到多少年算满分。
    entity, counterparty, banks_with_us : str
        主体编号、交易对手编号、对方是否我行客户列。

    Returns
    -------
    DataFrame
        每个潜在客户一行：``rank``、``counterparty_key``、``counterparty_name``、
        ``counterparty_type``、``counterparty_entity_id``、``n_links``、``n_as_supplier``
        （作为我行客户的上游供应商的次数）、``n_as_buyer``（作为下游买家的次数）、
        ``total_trade_share``、``mean_relationship_years``、``prospect_score``，以及（给了 ``entities`` 时）
        ``customer_group``、``industry``、``township``、``village``。按分数从高到低。

    Examples
    --------
    >>> import pandas as pd
    >>> sc = pd.DataFrame({
    ...     "entity_id": [1, 2, 3, 1],
    ...     "counterparty_key": ["M1", "M1", "M1", "C9"],
    ...     "counterparty_name": ["甲批发市场"] * 3 + ["乙合作社"],
    ...     "counterparty_type": ["wholesale_market"] * 3 + ["coop"],
    ...     "direction": ["downstream"] * 3 + ["upstream"],
    ...     "share": [0.3, 0.2, 0.1, 0.5], "relationship_years": [5, 10, 3, 2],
    ...     "counterparty_banks_with_us": [False] * 4})
    >>> supply_chain_prospects(sc, [1, 2])[["rank", "counterparty_key", "n_links", "prospect_score"]]
       rank counterparty_key  n_links  prospect_score
    0     1               M1        2            50.0
    1     2               C9        1            29.0
    """
    check_frame(supply_chain, [entity, counterparty, banks_with_us, "share", "relationship_years", "direction"],
                name="supply_chain", numeric=["share", "relationship_years"])
    if isinstance(good_customers, (str, bytes)) or not isinstance(good_customers, Iterable):
        raise RuralfinTypeError(
            f"参数 good_customers 应为主体编号的列表或 Series，实际是 {type(good_customers).__name__}"
        )
    good = set(pd.Series(list(good_customers)).dropna().tolist())
    if not good:
        raise RuralfinValueError("参数 good_customers 是空的：至少需要一个优质客户的主体编号")
    w = dict(SUPPLY_CHAIN_WEIGHTS)
    if weights is not None:
        bad = sorted(set(weights) - set(w))
        if bad:
            raise RuralfinValueError(f"参数 weights 不认识的键：{fmt_list(bad)}；可用：links、share、years")
        w.update({k: check_number(v, f"weights['{k}']", min_value=0) for k, v in weights.items()})
    cap_links = check_int(links_cap, "links_cap", min_value=1)
    cap_years = check_number(years_cap, "years_cap", min_value=1e-9)
    flag = _bool_col(supply_chain, banks_with_us, "banks_with_us", "supply_chain")
    already = set(supply_chain.loc[flag.to_numpy(), counterparty])
    sel = supply_chain[entity].isin(good).to_numpy() & ~supply_chain[counterparty].isin(already).to_numpy()
    edges = supply_chain[sel]
    direction = edges["direction"].astype(object)
    work = pd.DataFrame({
        counterparty: edges[counterparty].to_numpy(),
        "_entity": edges[entity].to_numpy(),
        "_sup": (direction == "upstream").to_numpy().astype("int64"),
        "_buy": (direction == "downstream").to_numpy().astype("int64"),
        "_share": edges["share"].to_numpy(dtype=float),
        "_years": edges["relationship_years"].to_numpy(dtype=float),
    })
    for c in ["counterparty_name", "counterparty_type", "counterparty_entity_id"]:
        if c in edges.columns:
            work[c] = edges[c].reset_index(drop=True)  # 保留原类型（如可空整数 Int32）
    g = work.groupby(counterparty, sort=True)
    res = pd.DataFrame({
        "n_links": g["_entity"].nunique(),
        "n_as_supplier": g["_sup"].sum(),
        "n_as_buyer": g["_buy"].sum(),
        "total_trade_share": g["_share"].sum(),
        "mean_relationship_years": g["_years"].mean(),
    })
    for c in ["counterparty_name", "counterparty_type", "counterparty_entity_id"]:
        if c in work.columns:
            res.insert(0, c, g[c].first())
    res = res[[c for c in ["counterparty_name", "counterparty_type", "counterparty_entity_id"] if c in res]
              + ["n_links", "n_as_supplier", "n_as_buyer", "total_trade_share", "mean_relationship_years"]]
    res["prospect_score"] = (
        w["links"] * np.minimum(res["n_links"] / cap_links, 1.0)
        + w["share"] * np.minimum(res["total_trade_share"], 1.0)
        + w["years"] * np.minimum(res["mean_relationship_years"] / cap_years, 1.0)
    )
    res = res.reset_index()
    if entities is not None and "counterparty_entity_id" in res.columns:
        check_frame(entities, [entity], name="entities")
        info = [c for c in ["customer_group", "industry", "township", "village"] if c in entities.columns]
        extra = entities[[entity] + info].rename(columns={entity: "counterparty_entity_id"})
        res = res.merge(extra, on="counterparty_entity_id", how="left")
    res = res.sort_values(["prospect_score", "n_links", counterparty], ascending=[False, False, True], kind="stable")
    res.insert(0, "rank", np.arange(1, len(res) + 1))
    return res.reset_index(drop=True)


# ---------------------------------------------------------------------------
# 存量客户挖掘
# ---------------------------------------------------------------------------

_RULES = [
    # rule, rule_column, rule_op, rule_threshold, rule_points, rule_type, rule_text
    ("deposit", "deposit_balance", ">=", 5.0, 25.0, "score", "存款近 12 个月日均不少于 5 万元"),
    ("active_flows", "flow_months_12m", ">=", 10, 20.0, "score", "近 12 个月至少 10 个月有资金流入，经营在持续"),
    ("growing_flows", "inflow_trend", ">=", 0.0, 10.0, "score", "近 6 个月流入不低于前 6 个月"),
    ("long_relationship", "customer_years", ">=", 2.0, 10.0, "score", "在我行开户满 2 年"),
    ("established", "years_in_business", ">=", 3, 15.0, "score", "经营满 3 年"),
    ("uses_settlement", "has_settlement", "==", True, 10.0, "score", "在用我行支付结算产品"),
    ("good_visit", "manager_visit_score", ">=", 4, 10.0, "score", "客户经理走访评价不低于 4 分"),
    ("police_flag", "public_security_flag", "==", True, 0.0, "exclude", "有公安负面信息"),
    ("lawsuits", "court_cases", ">=", 1, 0.0, "exclude", "有涉诉记录"),
    ("credit_overdue", "max_dpd_24m", ">", 30, 0.0, "exclude", "征信显示近 24 个月逾期超过 30 天"),
]
_OPS = {
    ">=": np.greater_equal, ">": np.greater, "<=": np.less_equal, "<": np.less,
    "==": np.equal, "!=": np.not_equal,
}


def prospect_rules() -> pd.DataFrame:
    """存量客户挖掘的默认打分规则（一张可以直接改的表）。

    每行一条规则：``rule_column`` 列满足 ``rule_op rule_threshold`` 时，``rule_type="score"``
    的规则加 ``rule_points`` 分，``rule_type="exclude"`` 的规则直接排除该客户。所有列都来自
    :func:`customer_summary`（银行看得到的数据），**不用任何真相列**。
    这是课程的教学示例，阈值与分值不是任何银行的现行标准，请按本行经验调整。

    Returns
    -------
    DataFrame
        列：``rule``、``rule_column``、``rule_op``、``rule_threshold``、``rule_points``、``rule_type``、
        ``rule_text``。改阈值的例子：``rules.loc[rules["rule"] == "deposit", "rule_threshold"] = 10``。

    Examples
    --------
    >>> r = prospect_rules()
    >>> float(r.loc[r["rule_type"] == "score", "rule_points"].sum())
    100.0
    >>> r[["rule", "rule_column", "rule_op", "rule_threshold", "rule_points"]].head(2)
               rule      rule_column rule_op rule_threshold  rule_points
    0       deposit  deposit_balance      >=            5.0         25.0
    1  active_flows  flow_months_12m      >=             10         20.0
    """
    return pd.DataFrame(_RULES, columns=["rule", "rule_column", "rule_op", "rule_threshold", "rule_points",
                                         "rule_type", "rule_text"])


def _check_rules(rules: Any) -> pd.DataFrame:
    need = ["rule", "rule_column", "rule_op", "rule_threshold", "rule_points", "rule_type"]
    check_frame(rules, need, name="rules", numeric=["rule_points"])
    for i, r in rules.iterrows():
        if r["rule_op"] not in _OPS:
            raise RuralfinValueError(
                f"rules 第 {i} 行（{r['rule']}）的 rule_op {r['rule_op']!r} 不认识，可选：{fmt_list(_OPS)}")
        if r["rule_type"] not in ("score", "exclude"):
            raise RuralfinValueError(
                f"rules 第 {i} 行（{r['rule']}）的 rule_type {r['rule_type']!r} 不认识，可选：score、exclude")
    return rules


def existing_customer_prospects(
    customers: pd.DataFrame,
    *,
    rules: pd.DataFrame | None = None,
    min_score: float = 0.0,
    entity: str = "entity_id",
) -> pd.DataFrame:
    """存量客户挖掘：有存款或结算、还没有贷款的客户里，谁最值得营销信贷产品。

    对象：``has_credit`` 为假、且 ``has_deposit`` 或 ``has_settlement`` 为真的客户。
    按 :func:`prospect_rules` 的规则打分：满足一条加一条的分；触发排除规则的不进名单；
    列值缺失（如从未走访）视为不满足。规则里用到、但 ``customers`` 里没有的列会被跳过，
    并给出 :class:`~ruralfin.errors.RuralfinWarning`（满分相应降低，见 ``max_points``）。

    Parameters
    ----------
    customers : DataFrame
        :func:`customer_summary` 的结果（或含同名列的本行客户表）。
    rules : DataFrame, optional
        打分规则，默认 :func:`prospect_rules`。可以改阈值、分值，增删规则。
    min_score : float, default 0.0
        只保留分数不低于它的客户。
    entity : str, default "entity_id"
        客户编号列。

    Returns
    -------
    DataFrame
        ``customers`` 的全部列，加 ``prospect_score``（得分）、``max_points``（可得的满分）、
        ``score_reasons``（得分理由，中文，以“；”分隔），按分数从高到低排序（同分时存款日均
        高者在前），``rank`` 为名次。

    Examples
    --------
    >>> import pandas as pd
    >>> c = pd.DataFrame({"entity_id": [1, 2, 3, 4], "has_credit": [False, False, True, False],
    ...     "has_deposit": [True, True, True, False], "has_settlement": [True, False, False, True],
    ...     "deposit_balance": [8.0, 1.0, 30.0, 0.0], "years_in_business": [5, 1, 9, 4],
    ...     "court_cases": [0, 0, 0, 2]})
    >>> import warnings
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore")
    ...     p = existing_customer_prospects(c)
    >>> p[["rank", "entity_id", "prospect_score", "max_points"]]
       rank  entity_id  prospect_score  max_points
    0     1          1            50.0        50.0
    1     2          2             0.0        50.0
    >>> p.loc[0, "score_reasons"]
    '存款近 12 个月日均不少于 5 万元；经营满 3 年；在用我行支付结算产品'
    """
    check_frame(customers, [entity], name="customers")
    has_credit = _bool_col(customers, "has_credit", "has_credit", "customers")
    has_dep = _bool_col(customers, "has_deposit", "has_deposit", "customers")
    has_set = _bool_col(customers, "has_settlement", "has_settlement", "customers")
    rules = _check_rules(prospect_rules() if rules is None else rules)
    floor = check_number(min_score, "min_score")
    skipped = [r for r in rules["rule_column"] if r not in customers.columns]
    if skipped:
        warnings.warn(
            f"customers 没有这些列，相应规则被跳过：{fmt_list(sorted(set(skipped)))}"
            "（可在 customer_summary 里给出 account_flows、external_data、soft_info 等表）",
            RuralfinWarning, stacklevel=2,
        )
    pool = customers[(~has_credit & (has_dep | has_set)).to_numpy()]
    n = len(pool)
    score = np.zeros(n)
    excluded = np.zeros(n, dtype=bool)
    reasons: list[list[str]] = [[] for _ in range(n)]
    max_points = 0.0
    for _, r in rules.iterrows():
        col = r["rule_column"]
        if col not in pool.columns:
            continue
        s = pool[col]
        if isinstance(s.dtype, pd.CategoricalDtype) and s.cat.ordered and isinstance(r["rule_threshold"], str):
            vals = s.cat.codes.to_numpy(dtype=float)
            vals[s.isna().to_numpy()] = np.nan
            if r["rule_threshold"] not in s.cat.categories:
                raise RuralfinValueError(
                    f"规则 {r['rule']} 的阈值 {r['threshold']!r} 不是列 {col} 的取值（{fmt_list(s.cat.categories)}）"
                )
            thr = float(list(s.cat.categories).index(r["rule_threshold"]))
            hit = _OPS[r["rule_op"]](vals, thr) & ~np.isnan(vals)
        else:
            arr = s.to_numpy(dtype=object)
            valid = ~pd.isna(arr)
            hit = np.zeros(n, dtype=bool)
            try:
                hit[valid] = _OPS[r["rule_op"]](arr[valid], r["rule_threshold"]).astype(bool)
            except TypeError as exc:
                raise RuralfinTypeError(
                    f"规则 {r['rule']}：列 {col} 的取值无法与阈值 {r['threshold']!r} 比较（{s.dtype}）"
                ) from exc
        if r["rule_type"] == "exclude":
            excluded |= hit
        else:
            pts = float(r["rule_points"])
            max_points += pts
            score += np.where(hit, pts, 0.0)
            text = r["rule_text"] if "rule_text" in rules.columns and isinstance(r["rule_text"], str) else r["rule"]
            for i in np.flatnonzero(hit):
                reasons[i].append(text)
    res = pool.copy()
    res["prospect_score"] = score
    res["max_points"] = max_points
    res["score_reasons"] = ["；".join(x) for x in reasons]
    res = res[~excluded & (score >= floor)]
    order = ["prospect_score"] + (["deposit_balance"] if "deposit_balance" in res.columns else []) + [entity]
    res = res.sort_values(order, ascending=[False] * (len(order) - 1) + [True], kind="stable").reset_index(drop=True)
    res.insert(0, "rank", np.arange(1, len(res) + 1))
    return res


# ---------------------------------------------------------------------------
# 产品组合
# ---------------------------------------------------------------------------

_FAMILY_TEXT = {
    "credit": "贷款", "deposit": "存款", "wealth": "理财", "settlement": "支付结算",
    "insurance": "保险", "consumer_credit": "信用卡与分期",
}


def product_bundles(
    customers: pd.DataFrame,
    *,
    by: str | Sequence[str] = "customer_group",
    families: Sequence[str] = ("credit", "deposit", "wealth", "settlement", "insurance"),
    gap_threshold: float = 0.5,
) -> pd.DataFrame:
    """按客群看各类产品的持有率，并建议“信贷作载体 + 补短板”的产品组合。

    建议规则（透明、由数据决定，不是任何银行的现行做法）：组合以贷款为载体
    （大纲：信贷营销作为载体，与其他金融服务相互作为营销工具），再加上本客群中
    持有率低于 ``gap_threshold`` 的其他产品，按持有率从低到高排列——持有率越低，
    交叉销售的空间越大。

    Parameters
    ----------
    customers : DataFrame
        :func:`customer_summary` 的结果（需要 ``has_<大类>`` 布尔列）。
    by : str or list of str, default "customer_group"
        分组列，如 ``"customer_group"``、``["customer_group", "industry"]``。
    families : sequence of str
        参与分析的产品大类，取自 :data:`PRODUCT_FAMILIES` 的键。
    gap_threshold : float, default 0.5
        持有率低于它就列入建议组合（0–1）。

    Returns
    -------
    DataFrame
        分组列、``n_customers``、每个大类的持有率 ``share_<大类>``、``suggested_bundle``
        （中文，如“贷款 + 保险 + 理财”）。

    Examples
    --------
    >>> import pandas as pd
    >>> c = pd.DataFrame({"customer_group": ["coop"] * 4,
    ...     "has_credit": [True, True, False, False], "has_deposit": [True] * 4,
    ...     "has_wealth": [False] * 4, "has_settlement": [True, True, True, False],
    ...     "has_insurance": [True, False, False, False]})
    >>> b = product_bundles(c)
    >>> b[["customer_group", "n_customers", "share_credit", "share_insurance"]]
      customer_group  n_customers  share_credit  share_insurance
    0           coop            4           0.5             0.25
    >>> b.loc[0, "suggested_bundle"]
    '贷款 + 理财 + 保险'
    """
    check_frame(customers, name="customers")
    keys = _keys(by, customers, "customers")
    if not keys:
        raise RuralfinValueError("参数 by 不能为空：请给出分组列，如 'customer_group'")
    fams = list(families)
    for f in fams:
        check_choice(f, list(PRODUCT_FAMILIES), "families")
    thr = check_number(gap_threshold, "gap_threshold", min_value=0, max_value=1)
    work = customers[keys].copy()
    for f in fams:
        work[f"share_{f}"] = _bool_col(customers, f"has_{f}", "families", "customers").astype(float)
    g = _group(work, keys)
    res = g[[f"share_{f}" for f in fams]].mean()
    res.insert(0, "n_customers", g.size())

    def suggest(row):
        others = sorted((row[f"share_{f}"], i, f) for i, f in enumerate(fams) if f != "credit")
        picked = [f for share, _, f in others if share < thr]
        return " + ".join(_FAMILY_TEXT[f] for f in ["credit"] + picked)

    res["suggested_bundle"] = res.apply(suggest, axis=1) if len(res) else pd.Series(dtype=str)
    return res.reset_index()


# ---------------------------------------------------------------------------
# 走访清单
# ---------------------------------------------------------------------------


def _filter_values(df: pd.DataFrame, col: str, values: Any, param: str) -> np.ndarray:
    _col(df, col, param, "prospects")
    wanted = [values] if isinstance(values, str) or not isinstance(values, Iterable) else list(values)
    s = df[col]
    known = list(s.cat.categories) if isinstance(s.dtype, pd.CategoricalDtype) else sorted(s.dropna().unique().tolist())
    unknown = [v for v in wanted if v not in known]
    if unknown:
        raise RuralfinValueError(f"参数 {param} 不认识取值 {fmt_list(unknown)}；列 {col} 可选：{fmt_list(known, limit=30)}")
    return s.isin(wanted).to_numpy()


def target_list(
    prospects: pd.DataFrame,
    *,
    township: Any = None,
    industry: Any = None,
    customer_group: Any = None,
    min_score: float | None = None,
    top: int | None = None,
    sort_by: str = "prospect_score",
    ascending: bool = False,
    columns: Sequence[str] | None = None,
) -> pd.DataFrame:
    """客户经理的走访清单：按乡镇、行业、客群筛选，按分数排序，取前若干名。

    Parameters
    ----------
    prospects : DataFrame
        潜在客户表，如 :func:`existing_customer_prospects` 或 :func:`supply_chain_prospects` 的结果。
    township, industry, customer_group : str or list of str, optional
        只保留这些乡镇/行业/客群（取值须在表中出现过，写错会提示可选值）。
    min_score : float, optional
        只保留分数不低于它的。
    top : int, optional
        只取排序后的前 ``top`` 名。
    sort_by : str, default "prospect_score"
        排序列。
    ascending : bool, default False
        是否升序（默认分数从高到低）。
    columns : sequence of str, optional
        只保留这些列（``rank`` 总会放在最前）。

    Returns
    -------
    DataFrame
        筛选排序后的新表，``rank`` 为清单内的名次（从 1 开始）。

    Examples
    --------
    >>> import pandas as pd
    >>> p = pd.DataFrame({"entity_id": [1, 2, 3], "township": ["青禾镇", "稻香镇", "青禾镇"],
    ...                   "prospect_score": [60.0, 90.0, 75.0]})
    >>> target_list(p, township="青禾镇")
       rank  entity_id township  prospect_score
    0     1          3      青禾镇            75.0
    1     2          1      青禾镇            60.0
    """
    check_frame(prospects, name="prospects", allow_empty=True)
    mask = np.ones(len(prospects), dtype=bool)
    for col, val in [("township", township), ("industry", industry), ("customer_group", customer_group)]:
        if val is not None:
            mask &= _filter_values(prospects, col, val, col)
    _col(prospects, sort_by, "sort_by", "prospects")
    if min_score is not None:
        floor = check_number(min_score, "min_score")
        _col(prospects, "prospect_score", "min_score", "prospects")
        mask &= (prospects["prospect_score"] >= floor).to_numpy()
    res = prospects[mask].drop(columns=["rank"], errors="ignore")
    res = res.sort_values(sort_by, ascending=ascending, kind="stable")
    if top is not None:
        res = res.head(check_int(top, "top", min_value=1))
    if columns is not None:
        cols = [c for c in columns if c != "rank"]
        missing = [c for c in cols if c not in res.columns]
        if missing:
            raise RuralfinValueError(f"参数 columns 中这些列不在表中：{fmt_list(missing)}")
        res = res[cols]
    res = res.reset_index(drop=True)
    res.insert(0, "rank", np.arange(1, len(res) + 1))
    return res


def export_target_list(
    targets: pd.DataFrame,
    path: str | Path,
    *,
    sheet_name: str = "走访清单",
    mask: bool = True,
    table: str | None = "entities",
    overwrite: bool = False,
) -> Path:
    """把走访清单导出为 Excel：列名换成中文，身份证号、手机号等默认遮蔽。

    Parameters
    ----------
    targets : DataFrame
        :func:`target_list` 的结果。
    path : str or Path
        要写的 ``.xlsx`` 文件；所在文件夹须已存在。只写这一个文件。
    sheet_name : str, default "走访清单"
        工作表名。
    mask : bool, default True
        遮蔽个人信息列（经营者姓名、手机号等，见 :func:`ruralfin.labels.to_display`）。
    table : str or None, default "entities"
        取列说明时参照的表：清单里的主体信息（名称、经营者、主办行等）登记在
        ``entities`` 表下，按它换中文名并遮蔽个人信息。
    overwrite : bool, default False
        文件已存在时是否覆盖；默认不覆盖并报错，学员的文件不会被冲掉。

    Returns
    -------
    Path
        写出的文件路径。

    Examples
    --------
    >>> import pandas as pd, tempfile, pathlib
    >>> t = pd.DataFrame({"rank": [1], "entity_id": [7], "prospect_score": [80.0]})
    >>> with tempfile.TemporaryDirectory() as d:
    ...     out = export_target_list(t, pathlib.Path(d) / "清单.xlsx")
    ...     pd.read_excel(out).columns.tolist()[:1]
    ['名次']
    """
    from .datasets import export_excel

    check_frame(targets, name="targets", allow_empty=True)
    return export_excel({sheet_name: targets}, path, overwrite=overwrite, mask=mask, table=table)


# ---------------------------------------------------------------------------
# 图
# ---------------------------------------------------------------------------


def plot_market_share(
    shares: pd.DataFrame,
    *,
    by: str = "customer_group",
    institution: str = "main_bank",
    ours: str = "ours",
    ax=None,
):
    """各分组的主办行份额：横向堆叠条形图，我行排在最左、用醒目的颜色。

    Parameters
    ----------
    shares : DataFrame
        :func:`market_share` 的长表结果（含 ``by``、``institution``、``institution_share`` 列）。
    by : str, default "customer_group"
        分组列（纵轴）。
    institution : str, default "main_bank"
        机构列（图例）。
    ours : str, default "ours"
        代表我行的取值。
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
    >>> e = pd.DataFrame({"customer_group": ["coop", "coop", "rural_micro"],
    ...                   "main_bank": ["ours", "peer_a", "peer_a"]})
    >>> ax = plot_market_share(market_share(e))
    >>> len(ax.patches)
    4
    >>> import matplotlib.pyplot as plt; plt.close("all")
    """
    import matplotlib.pyplot as plt

    from . import labels
    from .plotting import get_ax

    check_frame(shares, [by, institution, "institution_share"], name="shares", numeric=["institution_share"])
    wide = shares.pivot_table(index=by, columns=institution, values="institution_share", observed=True,
                              fill_value=0.0)
    order = [c for c in wide.columns if c == ours] + [c for c in wide.columns if c != ours]
    wide = wide[order]
    ax = get_ax(ax, figsize=(8, 0.6 * len(wide) + 1.5))
    palette = plt.get_cmap("Greys")
    y = np.arange(len(wide))
    left = np.zeros(len(wide))
    n_peers = max(len(order) - 1, 1)
    peer_i = 0
    for inst in order:
        vals = wide[inst].to_numpy(dtype=float)
        if inst == ours:
            color = "#C44E52"
        else:
            color = palette(0.25 + 0.6 * peer_i / n_peers)
            peer_i += 1
        ax.barh(y, vals, left=left, color=color, edgecolor="white",
                label=labels.value_label(institution, inst, table="entities"))
        left += vals
    ax.set_yticks(y)
    ax.set_yticklabels([labels.value_label(by, v, table="entities") for v in wide.index])
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.xaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: f"{v:.0%}"))
    ax.set_xlabel(labels.label("institution_share", unit=False))
    ax.set_ylabel(labels.label(by, table="entities", unit=False))
    ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False,
              title=labels.label(institution, table="entities", unit=False))
    return ax
