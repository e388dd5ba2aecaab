"""三维度的数据交叉验证：把经营者自报的营业收入与银行流水、水电、纳税三类独立来源对照。

小微信贷技术（如 IPC 式的交叉检验）的要点是：**不只听经营者怎么说，而是用彼此独立的
证据互相印证**。本模块把每一类证据都换算成“年营业收入（万元）”，再与自报收入比较：

1. **自报**：经营者申报的年营业收入（``entities.reported_revenue``）；
2. **银行流水**：近 12 个月经我行账户的流入，按“经我行结算的比例”和“现金收款比例”还原，
   见 :func:`flow_revenue`；
3. **水电与纳税**：用电量、用水量按行业经验系数（``industry_coefficients``）换算，
   见 :func:`utility_revenue`；纳税申报收入（或缴税额按行业税负率换算），见 :func:`tax_revenue`。

:func:`combine_revenue` 取各独立来源的中位数作为**核实收入**；:func:`flag_revenue` 在自报
收入与核实收入之比超出容差时标记“不一致”，并写明是哪几个来源对不上；
:func:`flag_metrics`、:func:`tolerance_sweep` 拿标记与真相（或事后核实的结论）对照，
给出查准率、查全率，以及容差放宽收紧时“抓到的”与“误报的”如何此消彼长。

所有函数接收 DataFrame、返回新表，不修改输入；列名都是参数，默认值对应示范县，
金额单位万元。换算系数、容差等默认值是**教学示意**，使用本行数据时应按本地经验校准。
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from .. import labels
from .._validation import (as_of_timestamp, bool_column, check_choice, check_frame, check_instance, check_int, check_number,
                           fmt_list, key_columns, month_end, month_index, numeric_column, same_key_type)
from ..errors import RuralfinTypeError, RuralfinValueError

__all__ = [
    "SOURCE_NAMES",
    "flow_revenue",
    "utility_revenue",
    "tax_revenue",
    "combine_revenue",
    "flag_revenue",
    "crosscheck_revenue",
    "flag_metrics",
    "tolerance_sweep",
    "plot_crosscheck",
    "plot_tolerance_sweep",
]

#: 四个独立来源的代码：估计列为 ``<代码>_revenue``，比值列为 ``<代码>_ratio``。
_SOURCES = ("flow", "electricity", "water", "tax")

#: 来源代码 -> 中文名，取自标签登记处（``disagreeing_sources`` 列的取值名），不在这里另写一份。
SOURCE_NAMES: dict[str, str] = {s: labels.value_label("disagreeing_sources", s) for s in _SOURCES}

_DEFAULT_SOURCES = tuple(f"{s}_revenue" for s in _SOURCES)
_DIRECTIONS = ("over", "under", "both")


# ---------------------------------------------------------------------------
# 小工具
# ---------------------------------------------------------------------------
def _window(df: pd.DataFrame, column: str, param: str, frame: str, as_of: pd.Timestamp, months: int) -> np.ndarray:
    """最近 ``months`` 个已过完的月份里的行：``column`` 是月末（或季末）日期，只算月末不晚于 as_of 的月份。"""
    idx = month_index(df, column, param=param, frame=frame)
    last = as_of.year * 12 + as_of.month - 1
    if as_of < month_end(last):  # as_of 所在的月还没过完：窗口只到上个月
        last -= 1
    return (idx > last - months) & (idx <= last)


def _lookup_coef(entities, coefficients, *, entity_id, sub_industry, coef_cols, name_e, name_c) -> pd.DataFrame:
    """每个主体的行业换算系数：entity_id + 系数列（系数须是不小于 0 的有限数，不许缺失）。"""
    check_frame(entities, [entity_id, sub_industry], name=name_e)
    key_columns(entities, entity_id, param="entity_id", frame=name_e)
    check_frame(coefficients, [sub_industry, *coef_cols], name=name_c, numeric=coef_cols)
    for c in coef_cols:
        numeric_column(coefficients, c, frame=name_c, min_value=0)
    coefs = coefficients[[sub_industry, *coef_cols]].copy()
    coefs[sub_industry] = coefs[sub_industry].astype(str)
    if coefs[sub_industry].duplicated().any():
        dup = coefs.loc[coefs[sub_industry].duplicated(), sub_industry].unique()
        raise RuralfinValueError(f"{name_c} 中行业 {fmt_list(dup)} 出现了不止一次，每个行业只能有一行系数")
    ent = entities[[entity_id, sub_industry]].drop_duplicates(entity_id).copy()
    ent[sub_industry] = ent[sub_industry].astype(str)
    return ent.merge(coefs, on=sub_industry, how="left")[[entity_id, *coef_cols]]


# ---------------------------------------------------------------------------
# 三类独立来源
# ---------------------------------------------------------------------------
def flow_revenue(
    flows: pd.DataFrame,
    settlement: pd.DataFrame,
    *,
    as_of: Any = "2025-12-31",
    months: int = 12,
    min_months: int = 6,
    entity_id: str = "entity_id",
    month: str = "month",
    inflow_amount: str = "inflow_amount",
    reported_share_with_us: str = "reported_share_with_us",
    receipt_share_cash: str | None = "receipt_share_cash",
    min_share: float = 0.1,
    non_business_inflow: float = 0.0,
) -> pd.DataFrame:
    """由我行账户流水还原年营业收入（第二个维度：银行流水）。

    我行只看得到经本行账户的那部分收款。还原公式::

        流水收入 = (月均流入 − 非经营性流入) × 12 ÷ [(1 − 现金收款比例) × 经我行结算比例]

    “经我行结算比例”（share of wallet）银行看不到真值，只能用可观察的代理：客户自报的
    结算比例（示范县 ``settlement.reported_share_with_us``）、主办行关系、走访了解到的情况。
    分母小于 ``min_share`` 时还原误差太大（小流水放大许多倍），记为缺失；自报结算比例缺失
    （客户没说）或 ``settlement`` 里没有该主体时，同样记为缺失。

    Parameters
    ----------
    flows : DataFrame
        月度流水，一行一个主体一个月：``entity_id``、``month``（月末日期）、``inflow_amount``（万元）。
    settlement : DataFrame
        一行一个主体：``reported_share_with_us``（经我行结算比例，0–1）和 ``receipt_share_cash``（现金收款比例，0–1）。
    as_of : date-like, default "2025-12-31"
        核对时点；取 as_of 之前最近 ``months`` 个已过完的月份（月末不晚于 as_of）的流水。
    months : int, default 12
        回看月数。
    min_months : int, default 6
        窗口内至少有这么多个月的流水才估计（开户不久的按已有月份年化）。
    entity_id, month, inflow_amount, reported_share_with_us : str
        列名。
    receipt_share_cash : str or None, default "receipt_share_cash"
        现金收款比例列；为 None 时视为全部非现金收款。
    min_share : float, default 0.1
        分母（非现金且经我行的比例）的下限。
    non_business_inflow : float, default 0.0
        每月要扣除的非经营性流入（万元/月，如工资、亲友转账），按本行经验设定。

    Returns
    -------
    DataFrame
        一行一个主体：``entity_id``、``flow_months``、``inflow_annual``（年化流入，万元）、
        ``share_with_us``、``cash_share``、``flow_revenue``（万元；无法估计时为缺失）。

    Examples
    --------
    >>> import pandas as pd
    >>> flows = pd.DataFrame({"entity_id": [1] * 12 + [2] * 12,
    ...                       "month": list(pd.date_range("2025-01-31", periods=12, freq="ME")) * 2,
    ...                       "inflow_amount": [3.0] * 12 + [1.0] * 12})
    >>> st = pd.DataFrame({"entity_id": [1, 2], "reported_share_with_us": [0.6, 0.05],
    ...                    "receipt_share_cash": [0.2, 0.0]})
    >>> flow_revenue(flows, st)[["entity_id", "inflow_annual", "flow_revenue"]]
       entity_id  inflow_annual  flow_revenue
    0          1           36.0          75.0
    1          2           12.0           NaN
    """
    months = check_int(months, "months", min_value=1, max_value=120)
    min_months = check_int(min_months, "min_months", min_value=1, max_value=months)
    min_share = check_number(min_share, "min_share", min_value=0.0, max_value=1.0)
    non_business_inflow = check_number(non_business_inflow, "non_business_inflow", min_value=0.0)
    as_of = as_of_timestamp(as_of)
    check_frame(flows, [entity_id, month, inflow_amount], name="flows", numeric=[inflow_amount], allow_empty=True)
    key_columns(flows, entity_id, param="entity_id", frame="flows")
    # 流入不为负、不许无穷大；缺失的月份不计入（与没有流水的月份一样）
    numeric_column(flows, inflow_amount, param="inflow_amount", frame="flows", allow_nan=True, min_value=0)
    st_cols = [entity_id, reported_share_with_us] + ([receipt_share_cash] if receipt_share_cash else [])
    check_frame(settlement, st_cols, name="settlement")
    # 自报结算比例可以缺失（客户没说）：这些主体无法还原，flow_revenue 记为缺失；现金收款比例不许缺失
    for param, col in zip(("reported_share_with_us", "receipt_share_cash"), st_cols[1:]):
        numeric_column(settlement, col, param=param, frame="settlement", allow_nan=param == "reported_share_with_us",
                       min_value=0, max_value=1)
    key_columns(settlement, entity_id, param="entity_id", frame="settlement", unique=True)
    same_key_type(("flows", flows, entity_id), ("settlement", settlement, entity_id))

    win = flows.loc[_window(flows, month, "month", "flows", as_of, months), [entity_id, inflow_amount]]
    agg = win.groupby(entity_id, sort=True)[inflow_amount].agg(["mean", "count"])
    out = pd.DataFrame({entity_id: agg.index.to_numpy(), "flow_months": agg["count"].to_numpy().astype("int64")})
    monthly = np.maximum(agg["mean"].to_numpy(dtype=float) - non_business_inflow, 0.0)
    out["inflow_annual"] = agg["mean"].to_numpy(dtype=float) * 12
    st = settlement.set_index(entity_id)
    out["share_with_us"] = st[reported_share_with_us].reindex(out[entity_id]).to_numpy(dtype=float, na_value=np.nan)
    cash = (st[receipt_share_cash].reindex(out[entity_id]).to_numpy(dtype=float, na_value=np.nan)
            if receipt_share_cash else np.zeros(len(out)))
    out["cash_share"] = cash
    denom = (1 - cash) * out["share_with_us"].to_numpy()
    ok = (out["flow_months"].to_numpy() >= min_months) & np.isfinite(denom) & (denom >= max(min_share, 1e-9))
    with np.errstate(divide="ignore", invalid="ignore"):
        rev = np.where(ok, monthly * 12 / denom, np.nan)
    out["flow_revenue"] = rev
    return out


def utility_revenue(
    utilities: pd.DataFrame,
    entities: pd.DataFrame,
    coefficients: pd.DataFrame,
    *,
    as_of: Any = "2025-12-31",
    months: int = 12,
    min_months: int = 6,
    entity_id: str = "entity_id",
    month: str = "month",
    sub_industry: str = "sub_industry",
    electricity_kwh: str | None = "electricity_kwh",
    water_tons: str | None = "water_tons",
    revenue_per_kwh: str = "revenue_per_kwh",
    revenue_per_ton_water: str = "revenue_per_ton_water",
    kwh_baseline: float = 0.0,
    water_baseline: float = 0.0,
) -> pd.DataFrame:
    """由用电量、用水量按行业经验系数换算年营业收入（“看水表、电表”）。

    公式（系数单位 元/千瓦时、元/吨，结果换成万元）::

        电表收入 = max(月均用电 − 生活用电基数, 0) × 12 × 每千瓦时营业收入 ÷ 10000

    水表同理。经营用电和生活用电常在同一块表上，小户尤其如此；``kwh_baseline``、
    ``water_baseline`` 是每月要先扣掉的生活用量（按当地居民用量设定，默认不扣）。

    Parameters
    ----------
    utilities : DataFrame
        月度水电用量：``entity_id``、``month``、``electricity_kwh``（千瓦时）、``water_tons``（吨）；允许缺失月份。
    entities : DataFrame
        一行一个主体，含 ``sub_industry``（用来查系数）。
    coefficients : DataFrame
        一行一个行业：``sub_industry``、``revenue_per_kwh``（元/千瓦时）、``revenue_per_ton_water``（元/吨）。
    as_of, months, min_months
        同 :func:`flow_revenue`：窗口内有读数的月份不足 ``min_months`` 时记为缺失。
    electricity_kwh, water_tons : str or None
        用电、用水列；某一项为 None 时不估计该项。
    kwh_baseline, water_baseline : float, default 0.0
        每月扣除的生活用电（千瓦时）、生活用水（吨）。

    Returns
    -------
    DataFrame
        一行一个主体：``entity_id``，以及每一项的 ``electricity_months``、``electricity_kwh_annual``、
        ``electricity_revenue``（水表为 ``water_months``、``water_tons_annual``、``water_revenue``）。
        行业不在系数表里的主体，收入为缺失。

    Examples
    --------
    >>> import pandas as pd
    >>> ut = pd.DataFrame({"entity_id": [1] * 12, "month": pd.date_range("2025-01-31", periods=12, freq="ME"),
    ...                    "electricity_kwh": [500.0] * 12, "water_tons": [20.0] * 12})
    >>> ent = pd.DataFrame({"entity_id": [1], "sub_industry": ["restaurant"]})
    >>> coef = pd.DataFrame({"sub_industry": ["restaurant"], "revenue_per_kwh": [40.0],
    ...                      "revenue_per_ton_water": [100.0]})
    >>> utility_revenue(ut, ent, coef)[["entity_id", "electricity_revenue", "water_revenue"]]
       entity_id  electricity_revenue  water_revenue
    0          1                 24.0            2.4
    """
    months = check_int(months, "months", min_value=1, max_value=120)
    min_months = check_int(min_months, "min_months", min_value=1, max_value=months)
    kwh_baseline = check_number(kwh_baseline, "kwh_baseline", min_value=0.0)
    water_baseline = check_number(water_baseline, "water_baseline", min_value=0.0)
    as_of = as_of_timestamp(as_of)
    items = [(c, k, b, s) for c, k, b, s in (
        (electricity_kwh, revenue_per_kwh, kwh_baseline, "electricity"),
        (water_tons, revenue_per_ton_water, water_baseline, "water"),
    ) if c is not None]
    if not items:
        raise RuralfinValueError("参数 electricity_kwh 与 water_tons 不能都为 None：至少要有用电或用水中的一项")
    use_cols = [c for c, *_ in items]
    check_frame(utilities, [entity_id, month, *use_cols], name="utilities", allow_empty=True)
    key_columns(utilities, entity_id, param="entity_id", frame="utilities")
    coef = _lookup_coef(entities, coefficients, entity_id=entity_id, sub_industry=sub_industry,
                        coef_cols=[k for _, k, _, _ in items], name_e="entities", name_c="coefficients")
    same_key_type(("utilities", utilities, entity_id), ("entities", entities, entity_id))
    for c, _, _, src in items:
        numeric_column(utilities, c, param="electricity_kwh" if src == "electricity" else "water_tons",
                       frame="utilities", allow_nan=True, min_value=0)

    win = utilities.loc[_window(utilities, month, "month", "utilities", as_of, months), [entity_id, *use_cols]]
    g = win.groupby(entity_id, sort=True)
    means, counts = g[use_cols].mean(), g[use_cols].count()
    out = pd.DataFrame({entity_id: means.index.to_numpy()})
    cf = coef.set_index(entity_id).reindex(out[entity_id])
    for col, kcol, base, src in items:
        n = counts[col].to_numpy().astype("int64")
        m = means[col].to_numpy(dtype=float)
        out[f"{src}_months"] = n
        out[f"{src}_{'kwh' if src == 'electricity' else 'tons'}_annual"] = m * 12
        rev = np.maximum(m - base, 0.0) * 12 * cf[kcol].to_numpy(dtype=float, na_value=np.nan) / 10000
        out[f"{src}_revenue"] = np.where(n >= min_months, rev, np.nan)
    return out


def tax_revenue(
    tax_records: pd.DataFrame,
    *,
    as_of: Any = "2025-12-31",
    months: int = 12,
    min_quarters: int = 2,
    basis: str = "declared",
    entity_id: str = "entity_id",
    quarter_end: str = "quarter_end",
    declared_revenue: str = "declared_revenue",
    tax_paid: str = "tax_paid",
    tax_method: str | None = "tax_method",
    exclude_methods: Sequence[str] = ("fixed_quota",),
    entities: pd.DataFrame | None = None,
    coefficients: pd.DataFrame | None = None,
    sub_industry: str = "sub_industry",
    tax_to_revenue: str = "tax_to_revenue",
) -> pd.DataFrame:
    """由纳税记录估计年营业收入（“看纳税报表”）。

    - ``basis="declared"``（默认）：近 ``months`` 个月申报收入按季度均值年化；
    - ``basis="tax_paid"``：缴税额 ÷ 行业税负率（``coefficients`` 的 ``tax_to_revenue``），
      需同时给出 ``entities`` 与 ``coefficients``。

    **定额征收**的个体户按核定额缴税，申报数与实际经营无关，默认排除
    （``exclude_methods``）。纳税申报往往偏低，通常只能当作收入的**下限**参考。

    Parameters
    ----------
    tax_records : DataFrame
        季度纳税：``entity_id``、``quarter_end``（季末日期）、``declared_revenue``（万元）、``tax_paid``（万元）、
        ``tax_method``（计税方式）。
    as_of : date-like, default "2025-12-31"
        核对时点；取 as_of 之前最近 ``months`` 个已过完的月份里（季末不晚于 as_of）的季度。
    months : int, default 12
        回看月数。
    min_quarters : int, default 2
        窗口内至少有这么多个季度的记录才估计。
    basis : {"declared", "tax_paid"}
        用申报收入还是缴税额换算。
    tax_method : str or None
        计税方式列；None 表示不按计税方式排除。
    exclude_methods : sequence of str
        不用来估计收入的计税方式。

    Returns
    -------
    DataFrame
        一行一个（未被排除的）主体：``entity_id``、``tax_quarters``、``tax_revenue``（万元）。

    Examples
    --------
    >>> import pandas as pd
    >>> tx = pd.DataFrame({"entity_id": [1] * 4 + [2] * 4,
    ...                    "quarter_end": list(pd.date_range("2025-03-31", periods=4, freq="QE")) * 2,
    ...                    "tax_method": ["small_scale"] * 4 + ["fixed_quota"] * 4,
    ...                    "declared_revenue": [10.0, 12.0, 14.0, 16.0] + [3.0] * 4,
    ...                    "tax_paid": [0.1, 0.12, 0.14, 0.16] + [0.03] * 4})
    >>> tax_revenue(tx)
       entity_id  tax_quarters  tax_revenue
    0          1             4         52.0
    """
    months = check_int(months, "months", min_value=3, max_value=120)
    min_quarters = check_int(min_quarters, "min_quarters", min_value=1, max_value=max(months // 3, 1))
    check_choice(basis, ["declared", "tax_paid"], "basis")
    check_instance(exclude_methods, str, "exclude_methods", items=object)
    if isinstance(exclude_methods, str):
        exclude_methods = [exclude_methods]
    as_of = as_of_timestamp(as_of)
    value_col = declared_revenue if basis == "declared" else tax_paid
    req = [entity_id, quarter_end, value_col] + ([tax_method] if tax_method else [])
    check_frame(tax_records, req, name="tax_records", numeric=[value_col], allow_empty=True)
    key_columns(tax_records, entity_id, param="entity_id", frame="tax_records")
    # 申报收入、缴税额不为负、不许无穷大；缺失的季度不计入
    numeric_column(tax_records, value_col, param="declared_revenue" if basis == "declared" else "tax_paid",
                   frame="tax_records", allow_nan=True, min_value=0)
    keep = _window(tax_records, quarter_end, "quarter_end", "tax_records", as_of, months)
    if tax_method and len(exclude_methods):
        keep &= ~tax_records[tax_method].astype(str).isin([str(m) for m in exclude_methods]).to_numpy()
    win = tax_records.loc[keep, [entity_id, value_col]]
    agg = win.groupby(entity_id, sort=True)[value_col].agg(["mean", "count"])
    out = pd.DataFrame({entity_id: agg.index.to_numpy(), "tax_quarters": agg["count"].to_numpy().astype("int64")})
    annual = agg["mean"].to_numpy(dtype=float) * 4
    if basis == "tax_paid":
        if entities is None or coefficients is None:
            raise RuralfinValueError("basis='tax_paid' 时需要同时给出 entities（查行业）和 coefficients（行业税负率）")
        coef = _lookup_coef(entities, coefficients, entity_id=entity_id, sub_industry=sub_industry,
                            coef_cols=[tax_to_revenue], name_e="entities", name_c="coefficients")
        rate = coef.set_index(entity_id)[tax_to_revenue].reindex(out[entity_id]).to_numpy(dtype=float, na_value=np.nan)
        with np.errstate(divide="ignore", invalid="ignore"):
            annual = np.where(rate > 0, annual / rate, np.nan)
    out["tax_revenue"] = np.where(out["tax_quarters"].to_numpy() >= min_quarters, annual, np.nan)
    return out


# ---------------------------------------------------------------------------
# 合并与标记
# ---------------------------------------------------------------------------
def _source_code(col: str) -> str:
    return col[: -len("_revenue")] if col.endswith("_revenue") else col


def _source_name(code: str) -> str:
    return SOURCE_NAMES.get(code, code)


def combine_revenue(
    entities: pd.DataFrame,
    *estimates: pd.DataFrame,
    sources: Sequence[str] | None = None,
    entity_id: str = "entity_id",
    reported_revenue: str = "reported_revenue",
    method: str = "median",
) -> pd.DataFrame:
    """把自报收入与各独立来源的估计并到一张表，求**核实收入**。

    核实收入 = 各可用独立来源估计的中位数（``method="median"``，对个别离谱的来源稳健），
    或几何平均（``method="geomean"``）。为 0 或缺失的估计（该来源估不出）不参与；估计为负数或
    无穷大、自报收入缺失或为负时报错。

    Parameters
    ----------
    entities : DataFrame
        一行一个主体，含 ``entity_id`` 和 ``reported_revenue``（自报年营业收入，万元）。
        只对这张表里的主体做核对（如只放本期申请人）。
    *estimates : DataFrame
        :func:`flow_revenue`、:func:`utility_revenue`、:func:`tax_revenue` 的结果，或本行自己算好的
        估计表（一行一个主体，含 ``entity_id``）。
    sources : sequence of str, optional
        参与核实的估计列名；默认取 ``flow_revenue``、``electricity_revenue``、``water_revenue``、
        ``tax_revenue`` 中出现的列。
    method : {"median", "geomean"}
        合并方式。

    Returns
    -------
    DataFrame
        ``entity_id``、``reported_revenue``、各来源估计列、``n_sources``（可用来源数）、
        ``verified_revenue``（核实收入，万元；没有可用来源时缺失）。行序同 ``entities``。

    Examples
    --------
    >>> import pandas as pd
    >>> ent = pd.DataFrame({"entity_id": [1, 2, 3], "reported_revenue": [100.0, 150.0, 50.0]})
    >>> flows = pd.DataFrame({"entity_id": [1, 2], "flow_revenue": [90.0, 100.0]})
    >>> util = pd.DataFrame({"entity_id": [1, 2, 3], "electricity_revenue": [110.0, 90.0, None],
    ...                      "water_revenue": [100.0, 95.0, None]})
    >>> out = combine_revenue(ent, flows, util)
    >>> list(out.columns)
    ['entity_id', 'reported_revenue', 'flow_revenue', 'electricity_revenue', 'water_revenue', 'n_sources', 'verified_revenue']
    >>> out[["entity_id", "n_sources", "verified_revenue"]]
       entity_id  n_sources  verified_revenue
    0          1          3             100.0
    1          2          3              95.0
    2          3          0               NaN
    """
    check_frame(entities, [entity_id, reported_revenue], name="entities", numeric=[reported_revenue])
    check_choice(method, ["median", "geomean"], "method")
    check_instance(sources, (), "sources", allow_none=True, items=str)
    key_columns(entities, entity_id, param="entity_id", frame="entities", unique=True)
    numeric_column(entities, reported_revenue, param="reported_revenue", frame="entities", min_value=0)
    out = entities[[entity_id, reported_revenue]].reset_index(drop=True).rename(columns={reported_revenue: "reported_revenue"})
    found: list[str] = []
    for i, est in enumerate(estimates, 1):
        frame = f"estimates[{i - 1}]"  # 报错时这样称呼第 i 个估计表
        if not isinstance(est, pd.DataFrame):
            raise RuralfinTypeError(f"第 {i} 个估计表（{frame}）应为 pandas DataFrame，实际是 {type(est).__name__}")
        check_frame(est, [entity_id], name=frame, allow_empty=True)
        key_columns(est, entity_id, param="entity_id", frame=frame, unique=True)
        same_key_type(("entities", entities, entity_id), (frame, est, entity_id))
        wanted = list(sources) if sources is not None else list(_DEFAULT_SOURCES)
        cols = [c for c in est.columns if c in wanted and c != entity_id]
        clash = [c for c in cols if c in found]
        if clash:
            raise RuralfinValueError(f"估计列 {fmt_list(clash)} 在多个估计表里都出现了，无法判断用哪个")
        check_frame(est, cols, name=frame, numeric=cols, allow_empty=True)
        for c in cols:  # 缺失 = 该来源估不出；负数、无穷大是错的估计
            numeric_column(est, c, frame=frame, allow_nan=True, min_value=0)
        if cols:
            out = out.merge(est[[entity_id, *cols]], on=entity_id, how="left")
            found += cols
    if sources is not None:
        missing = [c for c in sources if c not in found]
        if missing:
            raise RuralfinValueError(f"这些估计列在估计表里都没有找到：{fmt_list(missing)}")
        found = list(sources)
    if not found:
        raise RuralfinValueError(
            f"没有找到任何独立来源的估计列（应为 {fmt_list(_DEFAULT_SOURCES)} 之一，或用 sources= 指定列名）"
        )
    vals = out[found].to_numpy(dtype=float, na_value=np.nan)
    vals = np.where(vals > 0, vals, np.nan)
    n = np.isfinite(vals).sum(axis=1)
    out["n_sources"] = n.astype("int64")
    with np.errstate(all="ignore"):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            if method == "median":
                ver = np.nanmedian(vals, axis=1)
            else:
                ver = np.exp(np.nanmean(np.log(vals), axis=1))
    out["verified_revenue"] = np.where(n > 0, ver, np.nan)
    return out


def _ratios(table: pd.DataFrame, sources: Sequence[str], reported_revenue: str, verified_revenue: str):
    rep = table[reported_revenue].to_numpy(dtype=float, na_value=np.nan)
    rep = np.where(rep > 0, rep, np.nan)
    est = table[list(sources)].to_numpy(dtype=float, na_value=np.nan)
    est = np.where(est > 0, est, np.nan)
    ver = table[verified_revenue].to_numpy(dtype=float, na_value=np.nan)
    ver = np.where(ver > 0, ver, np.nan)
    with np.errstate(divide="ignore", invalid="ignore"):
        return rep, est, ver, rep[:, None] / est, rep / ver


def _beyond(ratio: np.ndarray, tolerance: float, direction: str) -> np.ndarray:
    hi, lo = ratio > 1 + tolerance, ratio < 1 / (1 + tolerance)
    if direction == "over":
        return hi
    if direction == "under":
        return lo
    return hi | lo


def _prepare_flags(table, tolerance, direction, sources, reported_revenue, verified_revenue, min_sources):
    tolerance = check_number(tolerance, "tolerance", min_value=0.0, max_value=100.0)
    check_choice(direction, _DIRECTIONS, "direction")
    min_sources = check_int(min_sources, "min_sources", min_value=1, max_value=len(_SOURCES) + 10)
    check_frame(table, [reported_revenue, verified_revenue], name="table", numeric=[reported_revenue, verified_revenue])
    check_instance(sources, str, "sources", allow_none=True, items=str)
    if sources is None:
        sources = [c for c in _DEFAULT_SOURCES if c in table.columns]
    else:
        if isinstance(sources, str):
            sources = [sources]
        sources = list(sources)
        check_frame(table, sources, name="table", numeric=sources)
    if not sources:
        raise RuralfinValueError(
            f"table 里没有独立来源的估计列（应为 {fmt_list(_DEFAULT_SOURCES)} 之一，或用 sources= 指定）"
        )
    # 自报收入不许缺失；核实收入、各来源估计缺失 = 没有可用来源（该户不可核对），负数和无穷大报错
    numeric_column(table, reported_revenue, param="reported_revenue", frame="table", min_value=0)
    numeric_column(table, verified_revenue, param="verified_revenue", frame="table", allow_nan=True, min_value=0)
    for c in sources:
        numeric_column(table, c, param="sources", frame="table", allow_nan=True, min_value=0)
    return tolerance, min_sources, sources


def flag_revenue(
    table: pd.DataFrame,
    *,
    tolerance: float = 0.3,
    direction: str = "over",
    min_sources: int = 1,
    sources: Sequence[str] | None = None,
    entity_id: str = "entity_id",
    reported_revenue: str = "reported_revenue",
    verified_revenue: str = "verified_revenue",
) -> pd.DataFrame:
    """标记自报收入与独立来源不一致的主体，并写明是哪几个来源对不上。

    对每个来源算 **自报 ÷ 该来源估计**，对核实收入算 **自报 ÷ 核实收入**。容差 ``tolerance=0.3``
    表示允许自报比估计高 30%（比值 ≤ 1.3），或低到估计的 1/1.3（比值 ≥ 0.77）。

    - ``flag``：可核对（可用来源数 ≥ ``min_sources``）且 自报 ÷ 核实收入 超出容差；
    - ``disagreeing_sources``：单个来源超出容差的来源代码，用 ``;`` 连接；
    - ``flag_reason``：给客户经理看的中文说明（未标记的为空）。

    Parameters
    ----------
    table : DataFrame
        :func:`combine_revenue` 的结果（或含自报、核实收入和各来源估计列的表），不会被修改。
    tolerance : float, default 0.3
        容差（0.3 表示 30%）。越小抓得越多、误报也越多。
    direction : {"over", "under", "both"}, default "over"
        只看高报（授信时最关心的）、只看低报，或两者都看。
    min_sources : int, default 1
        至少有几个独立来源才下结论；不足的记 ``checkable=False``、不标记。
    sources : sequence of str, optional
        来源估计列；默认取 ``flow_revenue``、``electricity_revenue``、``water_revenue``、``tax_revenue``
        中出现的列。缺失表示该来源估不出（照常逐行处理，对应的比值也是缺失）；负数、无穷大报错。
    entity_id : str, default "entity_id"
        主体编号列；表里有这一列时检查编号有效（不缺失、不是“暂无”之类）——标记出来的主体要能找到人。
    reported_revenue, verified_revenue : str
        自报收入列（不许缺失）、核实收入列（缺失表示没有可用来源，该户不可核对）。

    Returns
    -------
    DataFrame
        ``table`` 的副本，加上各来源的 ``<来源>_ratio``、``verified_ratio``、``checkable``、
        ``n_disagree``、``disagreeing_sources``、``flag``、``flag_reason``。

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"entity_id": [1, 2], "reported_revenue": [100.0, 150.0],
    ...                   "flow_revenue": [90.0, 100.0], "electricity_revenue": [110.0, 90.0],
    ...                   "verified_revenue": [100.0, 95.0]})
    >>> out = flag_revenue(t, tolerance=0.3)
    >>> out[["entity_id", "verified_ratio", "flag", "disagreeing_sources"]].round(3)
       entity_id  verified_ratio   flag disagreeing_sources
    0          1           1.000  False
    1          2           1.579   True   flow;electricity
    >>> print(out.loc[1, "flag_reason"])
    自报 150.0 万元，是核实收入 95.0 万元的 1.58 倍（容差 ±30%，高报）；对不上的来源：银行流水 1.50 倍、电表 1.67 倍
    """
    tolerance, min_sources, sources = _prepare_flags(table, tolerance, direction, sources, reported_revenue,
                                                     verified_revenue, min_sources)
    if isinstance(entity_id, str) and entity_id in table.columns:
        key_columns(table, entity_id, param="entity_id", frame="table")  # 没有编号的主体没法去核实
    rep, est, ver, r_src, r_ver = _ratios(table, sources, reported_revenue, verified_revenue)
    n_avail = np.isfinite(est).sum(axis=1)
    checkable = (n_avail >= min_sources) & np.isfinite(r_ver)
    src_bad = _beyond(r_src, tolerance, direction)
    flag = checkable & _beyond(r_ver, tolerance, direction)

    out = table.copy()
    codes = [_source_code(c) for c in sources]
    for j, code in enumerate(codes):
        out[f"{code}_ratio"] = r_src[:, j]
    out["verified_ratio"] = r_ver
    out["checkable"] = checkable
    out["n_disagree"] = src_bad.sum(axis=1).astype("int64")
    dis = np.full(len(out), "", dtype=object)
    reasons = np.full(len(out), "", dtype=object)
    pct = f"{tolerance:.0%}" if float(tolerance * 100).is_integer() else f"{tolerance:.1%}"
    T = {k: labels.text(f"crosscheck.{k}") for k in (
        "reason_no_reported", "reason_few_sources", "reason_flag", "reason_sources", "reason_combined",
        "reason_source_part", "direction_over", "direction_under")}
    for i in np.flatnonzero(src_bad.any(axis=1) | flag | ~checkable):
        bad_j = np.flatnonzero(src_bad[i])
        dis[i] = ";".join(codes[j] for j in bad_j)
        if not checkable[i]:
            reasons[i] = (T["reason_no_reported"] if not np.isfinite(rep[i])
                          else T["reason_few_sources"].format(n=n_avail[i], min_sources=min_sources))
        elif flag[i]:
            side = T["direction_over"] if r_ver[i] > 1 else T["direction_under"]
            parts = "、".join(T["reason_source_part"].format(source=_source_name(codes[j]), ratio=r_src[i, j])
                             for j in bad_j)
            detail = T["reason_sources"].format(parts=parts) if parts else T["reason_combined"]
            reasons[i] = T["reason_flag"].format(reported=rep[i], verified=ver[i], ratio=r_ver[i], tolerance=pct,
                                                 side=side, detail=detail)
    out["disagreeing_sources"] = pd.array(dis, dtype="str")
    out["flag"] = flag
    out["flag_reason"] = pd.array(reasons, dtype="str")
    return out


def crosscheck_revenue(
    entities: pd.DataFrame,
    *,
    flows: pd.DataFrame | None = None,
    settlement: pd.DataFrame | None = None,
    utilities: pd.DataFrame | None = None,
    coefficients: pd.DataFrame | None = None,
    tax_records: pd.DataFrame | None = None,
    as_of: Any = "2025-12-31",
    tolerance: float = 0.3,
    direction: str = "over",
    min_sources: int = 1,
    kwh_baseline: float = 0.0,
    water_baseline: float = 0.0,
    non_business_inflow: float = 0.0,
    method: str = "median",
    entity_id: str = "entity_id",
    reported_revenue: str = "reported_revenue",
) -> pd.DataFrame:
    """一步完成三维度交叉验证：各来源估计 → 核实收入 → 不一致标记（示范县列名）。

    给了哪几张表就用哪几个来源：``flows`` + ``settlement`` → 银行流水；``utilities`` +
    ``coefficients`` → 电表、水表（行业取自 ``entities.sub_industry``）；``tax_records`` → 纳税申报。
    需要改列名或其他细节时，分步调用 :func:`flow_revenue`、:func:`utility_revenue`、
    :func:`tax_revenue`、:func:`combine_revenue`、:func:`flag_revenue`。

    Returns
    -------
    DataFrame
        同 :func:`flag_revenue`，一行一个 ``entities`` 中的主体。

    Examples
    --------
    >>> import pandas as pd
    >>> ent = pd.DataFrame({"entity_id": [1], "reported_revenue": [60.0], "sub_industry": ["restaurant"]})
    >>> tx = pd.DataFrame({"entity_id": [1] * 4, "quarter_end": pd.date_range("2025-03-31", periods=4, freq="QE"),
    ...                    "tax_method": ["small_scale"] * 4, "declared_revenue": [10.0] * 4})
    >>> out = crosscheck_revenue(ent, tax_records=tx)
    >>> out[["tax_revenue", "verified_revenue", "verified_ratio", "flag"]]
       tax_revenue  verified_revenue  verified_ratio  flag
    0         40.0              40.0             1.5  True
    """
    check_frame(entities, [entity_id, reported_revenue], name="entities")
    parts = []
    if flows is not None or settlement is not None:
        if flows is None or settlement is None:
            raise RuralfinValueError("银行流水来源需要同时给出 flows（月度流水）和 settlement（结算比例）")
        parts.append(flow_revenue(flows, settlement, as_of=as_of, entity_id=entity_id,
                                  non_business_inflow=non_business_inflow)[[entity_id, "flow_revenue"]])
    if utilities is not None or coefficients is not None:
        if utilities is None or coefficients is None:
            raise RuralfinValueError("水电来源需要同时给出 utilities（水电用量）和 coefficients（行业换算系数）")
        u = utility_revenue(utilities, entities, coefficients, as_of=as_of, entity_id=entity_id,
                            kwh_baseline=kwh_baseline, water_baseline=water_baseline)
        parts.append(u[[entity_id, "electricity_revenue", "water_revenue"]])
    if tax_records is not None:
        parts.append(tax_revenue(tax_records, as_of=as_of, entity_id=entity_id)[[entity_id, "tax_revenue"]])
    if not parts:
        raise RuralfinValueError("至少给出一个独立来源：flows+settlement、utilities+coefficients 或 tax_records")
    table = combine_revenue(entities, *parts, entity_id=entity_id, reported_revenue=reported_revenue, method=method)
    return flag_revenue(table, tolerance=tolerance, direction=direction, min_sources=min_sources, entity_id=entity_id)


# ---------------------------------------------------------------------------
# 对照真相：查准率、查全率与容差取舍
# ---------------------------------------------------------------------------
def _truth_vector(flags, truth, flag, target, entity_id) -> tuple[np.ndarray, np.ndarray]:
    if truth is None:
        check_frame(flags, [flag, target], name="flags")
        merged = flags
    else:
        check_frame(flags, [entity_id, flag], name="flags")
        check_frame(truth, [entity_id, target], name="truth")
        key_columns(flags, entity_id, param="entity_id", frame="flags")
        key_columns(truth, entity_id, param="entity_id", frame="truth", unique=True)
        same_key_type(("flags", flags, entity_id), ("truth", truth, entity_id))
        merged = flags[[entity_id, flag]].merge(truth[[entity_id, target]], on=entity_id, how="left")
    y = merged[target]
    if y.isna().any():
        raise RuralfinValueError(
            f"有 {int(y.isna().sum())} 个主体没有真实结论（{target} 缺失）：请先筛掉它们，或补齐核实结果"
        )
    frame = "flags" if truth is None else "truth"
    return (bool_column(merged, flag, param="flag", frame="flags", missing=None),
            bool_column(merged, target, param="target", frame=frame, missing=None))


def _metrics(flag: np.ndarray, y: np.ndarray) -> dict[str, float]:
    tp = int((flag & y).sum())
    fp = int((flag & ~y).sum())
    fn = int((~flag & y).sum())
    n, nf, npos = len(y), int(flag.sum()), int(y.sum())
    precision = tp / nf if nf else np.nan
    recall = tp / npos if npos else np.nan
    f1 = 2 * tp / (nf + npos) if (nf + npos) else np.nan
    return {
        "n_entities": n, "n_flagged": nf, "n_positive": npos,
        "true_positives": tp, "false_positives": fp, "false_negatives": fn,
        "precision": precision, "recall": recall, "f1": f1,
        "base_rate": npos / n if n else np.nan, "flag_rate": nf / n if n else np.nan,
    }


def flag_metrics(
    flags: pd.DataFrame,
    truth: pd.DataFrame | None = None,
    *,
    flag: str = "flag",
    target: str = "truth_is_misreporter",
    entity_id: str = "entity_id",
) -> pd.DataFrame:
    """拿标记与真实结论对照：查准率、查全率、F1 与各类户数。

    - 查准率（precision）= 抓对的 ÷ 标记的：被标记的主体里真有问题的比例；
    - 查全率（recall）= 抓对的 ÷ 真有问题的：有问题的主体被标记出来的比例；
    - F1 = 两者的调和平均；基准率（base_rate）= 真有问题的占比——随便抽查的查准率就是它。

    真实结论在示范县里是生成器的 ``truth_is_misreporter``；在本行，可以用事后实地核实、
    贷后发现的虚假材料等结论代替。

    Parameters
    ----------
    flags : DataFrame
        含 ``flag`` 的表（如 :func:`flag_revenue` 的结果），不会被修改。要只评估可核对的主体，
        先筛 ``checkable``。
    truth : DataFrame, optional
        含 ``entity_id`` 与 ``target`` 列的真相表；不给时 ``target`` 列应已在 ``flags`` 里。
    flag : str, default "flag"
        标记列（True/False 或 0/1）。
    target : str, default "truth_is_misreporter"
        真实结论列（True/False 或 0/1，True = 真有问题），如本行事后核实的结论。
    entity_id : str, default "entity_id"
        主体编号列，用来把 ``flags`` 与 ``truth`` 对上。

    Returns
    -------
    DataFrame
        一行：``n_entities``、``n_flagged``、``n_positive``、``true_positives``、``false_positives``、
        ``false_negatives``、``precision``、``recall``、``f1``、``base_rate``、``flag_rate``。

    Examples
    --------
    >>> import pandas as pd
    >>> f = pd.DataFrame({"entity_id": [1, 2, 3, 4, 5], "flag": [True, True, False, False, True]})
    >>> t = pd.DataFrame({"entity_id": [1, 2, 3, 4, 5], "truth_is_misreporter": [True, False, True, False, True]})
    >>> m = flag_metrics(f, t)
    >>> m[["n_flagged", "true_positives", "false_positives", "precision", "recall", "f1"]].round(3)
       n_flagged  true_positives  false_positives  precision  recall    f1
    0          3               2                1      0.667   0.667  0.667
    """
    flagged, y = _truth_vector(flags, truth, flag, target, entity_id)
    return pd.DataFrame([_metrics(flagged, y)])


def tolerance_sweep(
    table: pd.DataFrame,
    truth: pd.DataFrame | None = None,
    *,
    tolerances: Sequence[float] | None = None,
    direction: str = "over",
    min_sources: int = 1,
    sources: Sequence[str] | None = None,
    target: str = "truth_is_misreporter",
    entity_id: str = "entity_id",
    reported_revenue: str = "reported_revenue",
    verified_revenue: str = "verified_revenue",
    only_checkable: bool = True,
) -> pd.DataFrame:
    """容差取舍表：容差从严到宽，抓到的（真有问题）和误报的（其实如实）各有多少。

    Parameters
    ----------
    table : DataFrame
        :func:`combine_revenue` 或 :func:`flag_revenue` 的结果，不会被修改。
    truth : DataFrame, optional
        真相表（含 ``entity_id``、``target``）；不给时 ``target`` 应已在 ``table`` 里。
    tolerances : sequence of float, optional
        要比较的容差；默认 0.05、0.10、…、1.00。
    only_checkable : bool, default True
        只评估可核对的主体（自报收入有效、来源数 ≥ ``min_sources``）。
    direction, min_sources, sources, reported_revenue, verified_revenue
        同 :func:`flag_revenue`。
    target, entity_id : str
        同 :func:`flag_metrics`。

    Returns
    -------
    DataFrame
        一行一个容差：``tolerance`` 加 :func:`flag_metrics` 的各列。

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"entity_id": [1, 2, 3, 4], "reported_revenue": [100.0, 130.0, 200.0, 115.0],
    ...                   "flow_revenue": [100.0, 100.0, 100.0, 100.0],
    ...                   "verified_revenue": [100.0, 100.0, 100.0, 100.0],
    ...                   "truth_is_misreporter": [False, True, True, False]})
    >>> tolerance_sweep(t, tolerances=[0.1, 0.2, 0.5])[["tolerance", "true_positives", "false_positives", "precision", "recall"]]
       tolerance  true_positives  false_positives  precision  recall
    0        0.1               2                1   0.666667     1.0
    1        0.2               2                0   1.000000     1.0
    2        0.5               1                0   1.000000     0.5
    """
    if tolerances is None:
        tolerances = np.round(np.arange(1, 21) * 0.05, 2)
    if isinstance(tolerances, (str, bytes)) or not isinstance(tolerances, (Sequence, np.ndarray, pd.Series)):
        raise RuralfinTypeError(f"参数 tolerances 应为一组数（如 [0.1, 0.2, 0.3]），实际是 {type(tolerances).__name__}")
    tols = [check_number(t, "tolerances", min_value=0.0, max_value=100.0) for t in tolerances]
    if not tols:
        raise RuralfinValueError("参数 tolerances 是空的，至少给一个容差")
    _, min_sources, sources = _prepare_flags(table, tols[0], direction, sources, reported_revenue, verified_revenue,
                                             min_sources)
    _, est, _, _, r_ver = _ratios(table, sources, reported_revenue, verified_revenue)
    checkable = (np.isfinite(est).sum(axis=1) >= min_sources) & np.isfinite(r_ver)
    if truth is None:
        check_frame(table, [target], name="table")
        base = table[[target]].assign(_flag=False)
    else:
        check_frame(table, [entity_id], name="table")
        base = table[[entity_id]].assign(_flag=False)
    _, y = _truth_vector(base, truth, "_flag", target, entity_id)
    keep = checkable if only_checkable else np.ones(len(table), bool)
    rows = []
    for tol in tols:
        flag = checkable & _beyond(r_ver, tol, direction)
        rows.append({"tolerance": tol, **_metrics(flag[keep], y[keep])})
    return pd.DataFrame(rows)


# ---------------------------------------------------------------------------
# 图
# ---------------------------------------------------------------------------
def plot_crosscheck(
    table: pd.DataFrame,
    *,
    tolerance: float = 0.3,
    x: str = "verified_revenue",
    y: str = "reported_revenue",
    hue: str | None = "flag",
    sample: int | None = 3000,
    random_state: int = 0,
    ax=None,
    title: str | None = None,
):
    """散点图：横轴核实收入、纵轴自报收入（对数坐标），画出对角线与容差带。

    落在上方虚线以上的点自报明显高于核实收入。``hue`` 列（默认 ``flag``）为 True 的点标红。

    Parameters
    ----------
    table : DataFrame
        :func:`flag_revenue` 的结果，不会被修改。
    tolerance : float, default 0.3
        容差带：y = x × (1 + 容差) 与 y = x ÷ (1 + 容差)。
    x, y : str
        横轴、纵轴列。
    hue : str or None, default "flag"
        着色用的布尔列；None 时不分色。
    sample : int or None, default 3000
        点太多时随机抽样这么多个（只影响画图）；None 画全部。
    random_state : int, default 0
        抽样的随机种子。
    ax : matplotlib Axes, optional
    title : str, optional
        图标题；默认“自报收入 vs 核实收入（对数坐标）”。轴标题取自标签登记处。

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"verified_revenue": [10.0, 20.0, 40.0], "reported_revenue": [11.0, 35.0, 40.0],
    ...                   "flag": [False, True, False]})
    >>> ax = plot_crosscheck(t)
    >>> ax.get_xscale(), ax.get_yscale()
    ('log', 'log')
    >>> import matplotlib.pyplot as plt; plt.close("all")
    """
    from ..labels import label, text
    from ..plotting import get_ax

    tolerance = check_number(tolerance, "tolerance", min_value=0.0, max_value=100.0)
    random_state = check_int(random_state, "random_state", min_value=0, max_value=2**32 - 1)
    cols = [x, y] + ([hue] if hue else [])
    check_frame(table, cols, name="table", numeric=[x, y])
    # 缺失的点不画（如没有可用来源、核实收入为缺失）；无穷大报错
    xv = numeric_column(table, x, param="x", frame="table", allow_nan=True)
    yv = numeric_column(table, y, param="y", frame="table", allow_nan=True)
    if hue:
        bool_column(table, hue, param="hue", frame="table")
    d = table[cols]
    d = d[(xv > 0) & (yv > 0)]
    if len(d) == 0:
        raise RuralfinValueError(f"table 中没有 {x} 与 {y} 都大于 0 的行，画不出来")
    if sample is not None:
        sample = check_int(sample, "sample", min_value=1)
        if len(d) > sample:
            d = d.sample(sample, random_state=random_state)
    ax = get_ax(ax, figsize=(7.5, 6.5))
    if hue:
        h = pd.Series(bool_column(d, hue, param="hue", frame="table"), index=d.index)
        ax.scatter(d.loc[~h, x], d.loc[~h, y], s=9, alpha=0.45, color="#3182bd", label=text("crosscheck.plot_unflagged"))
        ax.scatter(d.loc[h, x], d.loc[h, y], s=12, alpha=0.7, color="#de2d26", label=text("crosscheck.plot_flagged"))
    else:
        ax.scatter(d[x], d[y], s=9, alpha=0.45, color="#3182bd")
    lo = float(min(d[x].min(), d[y].min())) * 0.8
    hi = float(max(d[x].max(), d[y].max())) * 1.25
    line = np.array([lo, hi])
    ax.plot(line, line, color="black", linewidth=1, label=text("crosscheck.plot_diagonal"))
    ax.plot(line, line * (1 + tolerance), color="#de2d26", linestyle="--", linewidth=1.4,
            label=text("crosscheck.plot_band", tolerance=tolerance))
    ax.plot(line, line / (1 + tolerance), color="#de2d26", linestyle="--", linewidth=1.4)
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlim(lo, hi)
    ax.set_ylim(lo, hi)
    ax.set_xlabel(label(x))
    ax.set_ylabel(label(y))
    ax.legend(loc="upper left", fontsize="small")
    ax.set_title(text("crosscheck.plot_title") if title is None else title)
    return ax


def plot_tolerance_sweep(
    sweep: pd.DataFrame,
    *,
    tolerance: float | None = None,
    kind: str = "counts",
    ax=None,
    title: str | None = None,
    xlabel: str | None = None,
):
    """容差取舍图：横轴容差，``kind="counts"`` 画抓到的与误报的户数，``kind="rates"`` 画查准率与查全率。

    Parameters
    ----------
    sweep : DataFrame
        :func:`tolerance_sweep` 的结果。
    tolerance : float, optional
        在图上用竖线标出当前选用的容差。
    kind : {"counts", "rates"}
        画户数还是比率。
    ax : matplotlib Axes, optional
    title, xlabel : str, optional
        覆盖默认的图标题、横轴标题（默认文字登记在标签登记处）。

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> import pandas as pd
    >>> sw = pd.DataFrame({"tolerance": [0.1, 0.2, 0.3], "true_positives": [50, 40, 30],
    ...                    "false_positives": [60, 20, 5], "precision": [0.45, 0.67, 0.86],
    ...                    "recall": [0.9, 0.72, 0.54], "base_rate": [0.2, 0.2, 0.2]})
    >>> ax = plot_tolerance_sweep(sw, tolerance=0.2)
    >>> [t.get_text() for t in ax.get_legend().get_texts()][:2]
    ['抓到的虚报户', '误报的如实户']
    >>> import matplotlib.pyplot as plt; plt.close("all")
    """
    from ..labels import label, text
    from ..plotting import get_ax

    check_choice(kind, ["counts", "rates"], "kind")
    need = ["tolerance"] + (["true_positives", "false_positives"] if kind == "counts" else ["precision", "recall"])
    check_frame(sweep, need, name="sweep", numeric=need)
    ax = get_ax(ax, figsize=(9, 4.8))
    xs = sweep["tolerance"].to_numpy(dtype=float) * 100
    if kind == "counts":
        ax.plot(xs, sweep["true_positives"], "o-", color="#2ca25f", linewidth=2.4, label=text("crosscheck.sweep_caught"))
        ax.plot(xs, sweep["false_positives"], "s-", color="#de2d26", linewidth=2.4, label=text("crosscheck.sweep_false_alarms"))
        ax.set_ylabel(text("crosscheck.sweep_counts_ylabel"))
        ax.set_title(text("crosscheck.sweep_counts_title") if title is None else title)
    else:
        ax.plot(xs, sweep["precision"] * 100, "o-", color="#3182bd", linewidth=2.4,
                label=label("precision", table="crosscheck", unit=False))
        ax.plot(xs, sweep["recall"] * 100, "s-", color="#e6550d", linewidth=2.4,
                label=label("recall", table="crosscheck", unit=False))
        if "base_rate" in sweep.columns:
            ax.axhline(float(sweep["base_rate"].iloc[0]) * 100, color="grey", linestyle=":", linewidth=1.5,
                       label=text("crosscheck.sweep_base_rate"))
        ax.set_ylim(0, 105)
        ax.set_ylabel(text("crosscheck.sweep_rates_ylabel"))
        ax.set_title(text("crosscheck.sweep_rates_title") if title is None else title)
    if tolerance is not None:
        tolerance = check_number(tolerance, "tolerance", min_value=0.0, max_value=100.0)
        ax.axvline(tolerance * 100, color="black", linestyle="--", linewidth=1.2, label=text("crosscheck.sweep_current", tolerance=tolerance))
    ax.set_xlabel(text("crosscheck.sweep_xlabel") if xlabel is None else xlabel)
    ax.legend(loc="upper right" if kind == "counts" else "center right", fontsize="small")
    return ax
