"""银行与第三方的记录：我行账户流水（阶段 10）、水电（阶段 11）、纳税（阶段 12）、产品持有（阶段 21）。

三方数据都从真实销售出发，各自带有主体自身的偏差与随机波动，因此交叉验证能找出大部分虚报者，但不会全对。
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ...schema import CUSTOMER_GROUPS, SUB_INDUSTRIES, get_table
from .. import _story as story
from .._frames import build
from .common import (
    FLOAT32, GROUP_CODE, INDUSTRY_CODE, INT16_MAX, LAST_MONTH, MONTH_ENDS, MONTH_STARTS, OBSERVED_MONTHS, OUR_PRODUCT_ID,
    NEVER, PRE_HISTORY_MONTHS, SUB_CODE, SUB_PARENT_CODE, YUAN_PER_WANYUAN, by_key, category_code, group_codes, month_end,
    normal32, product_field, sigmoid,
)
from .state import CreditFile, FlowFeatures, Loans, Population, ReceiptMix, Relationship, Sales, Timeline

__all__ = ["make_account_flows", "make_utilities", "make_tax_records", "make_holdings"]


def make_account_flows(rng, population: Population, relationship: Relationship, sales: Sales, receipts: ReceiptMix,
                       credit: CreditFile, timeline: Timeline):
    """我行客户开户以后每月的流入、流出、笔数、日均余额，以及每笔申请前 6 个月的流水特征。

    流入 = 真实销售 × 非现金比例 × 经我行结算的份额 × 随机波动 + 与经营无关的个人流入（不是每月都有）。
    种养户的经营收款集中在收获、出栏的月份（季节性比销售更尖），淡季可能整月没有收款；一部分不借款的
    客户的账户长期睡眠（某月以后不再有流入）。违约前几个月（多数违约户有征兆）经我行的收款逐月减少、
    沉淀存款被取走、流出多于流入；经营质量差的主体平时的存款沉淀也薄。
    返回 (account_flows 表, 流水特征)。
    """
    customers = np.flatnonzero(relationship.banks_with_us)
    flow_start = np.maximum(relationship.customer_since_month[customers], 0)
    n_customers = len(customers)
    shape = (n_customers, OBSERVED_MONTHS)
    group, sub = population.group[customers], population.sub_industry[customers]
    is_farmer = group == GROUP_CODE["farmer_household"]
    personal = rng.gamma(*story.PERSONAL_FLOW_GAMMA, n_customers) * (1 + is_farmer)
    inflow = (sales.monthly[customers]
              * ((1 - receipts.cash[customers]) * relationship.share_of_wallet[customers])[:, None]).astype(FLOAT32)
    # 种养户：收款集中在旺季（季节性取 FARM_RECEIPT_SEASON_POWER 次方后重新归一，全年合计不变），淡季月份没有收款
    season = np.array([story.SEASON[name] for name in SUB_INDUSTRIES], dtype=float)
    season = season / season.mean(axis=1, keepdims=True)
    sharp = season ** story.FARM_RECEIPT_SEASON_POWER
    sharp = sharp / sharp.mean(axis=1, keepdims=True)
    sharp = np.where(sharp < story.FARM_RECEIPT_QUIET_LEVEL, 0.0, sharp)
    sharp = sharp / sharp.mean(axis=1, keepdims=True)
    farm_factor = (sharp / season).astype(FLOAT32)  # 收款 / 销售 的月度倍数
    farm = SUB_PARENT_CODE[sub] == INDUSTRY_CODE["agri_production"]
    month_of_year = np.arange(OBSERVED_MONTHS) % 12
    inflow[farm] *= farm_factor[sub[farm]][:, month_of_year]
    inflow *= np.exp(normal32(rng, shape, story.FLOW_NOISE_SD))
    personal_month = rng.random(shape, dtype=FLOAT32) < np.where(is_farmer, story.PERSONAL_FLOW_MONTH_SHARE_FARMER,
                                                                 story.PERSONAL_FLOW_MONTH_SHARE)[:, None]
    inflow += personal.astype(FLOAT32)[:, None] * np.exp(normal32(rng, shape, story.PERSONAL_FLOW_NOISE_SD)) * personal_month
    del personal_month
    # 违约前的征兆：经我行的收款减少、存款被取走、流出多于流入（FLOW_WARNING_* 见 _story.py）
    stress = _pre_default_stress(rng, customers, timeline)
    diversion = rng.uniform(*story.FLOW_WARNING_DIVERSION, n_customers).astype(FLOAT32)
    inflow *= 1 - diversion[:, None] * stress
    # 与风险无关的趋势：客户把结算逐渐挪进或挪出我行、存款逐年攒下或取走（行为特征因此不是“一看就准”）
    years = ((np.arange(OBSERVED_MONTHS) - OBSERVED_MONTHS / 2) / 12.0).astype(FLOAT32)
    inflow *= np.exp(normal32(rng, (n_customers, 1), story.FLOW_SHARE_DRIFT_SD) * years[None, :])
    # 睡眠账户：不借款、我行不是主办行的客户有一部分在某月以后不再有任何流入
    dormant = ((~population.is_applicant[customers])
               & (rng.random(n_customers) < np.where(population.main_bank[customers] == 0, story.DORMANT_SHARE_MAIN,
                                                     story.DORMANT_SHARE_SECONDARY)))
    dormant_from = np.where(dormant, rng.integers(-story.DORMANT_LEAD_MONTHS, OBSERVED_MONTHS - story.DORMANT_MIN_MONTHS,
                                                  n_customers), NEVER)
    asleep = np.arange(OBSERVED_MONTHS)[None, :] >= dormant_from[:, None]
    inflow[asleep] = 0.0
    log_mean, log_sd = story.OUTFLOW_LOG_MEAN_SD
    outflow = inflow * np.exp(normal32(rng, shape, log_sd, log_mean)) * (1 + FLOAT32(story.FLOW_WARNING_OUTFLOW_EXCESS) * stress)
    ticket = np.where(receipts.is_retail[customers], story.TICKET_RETAIL,
                      np.where(receipts.is_b2b[customers], story.TICKET_B2B, story.TICKET_OTHER))  # 万元/笔
    buffer = np.exp(np.clip(story.SAVINGS_QUALITY * population.quality[customers], *story.SAVINGS_QUALITY_LOG_RANGE))
    savings = (population.assets[customers] * story.SAVINGS_TO_ASSETS * buffer
               * rng.beta(*story.SAVINGS_BETA, n_customers)).astype(FLOAT32)
    drawdown = rng.uniform(*story.FLOW_WARNING_DRAWDOWN, n_customers).astype(FLOAT32)
    savings_path = (savings[:, None] * (1 - drawdown[:, None] * stress)
                    * np.exp(normal32(rng, (n_customers, 1), story.SAVINGS_DRIFT_SD) * years[None, :]))
    savings_path[asleep] = (savings[:, None] * FLOAT32(story.DORMANT_BALANCE_SHARE) * np.ones_like(savings_path))[asleep]
    balance = (FLOAT32(story.BALANCE_TO_INFLOW) * inflow * np.exp(normal32(rng, shape, story.BALANCE_NOISE_SD))
               + savings_path)
    del savings_path, stress
    row_customer, row_month = np.nonzero(np.arange(OBSERVED_MONTHS)[None, :] >= flow_start[:, None])
    row_inflow = inflow[row_customer, row_month]
    row_outflow = outflow[row_customer, row_month]
    row_asleep = asleep[row_customer, row_month]
    del outflow, asleep
    has_inflow = row_inflow > 0
    inflow_count = np.where(has_inflow, np.minimum(rng.poisson(np.minimum(
        row_inflow / ticket[row_customer] * story.INFLOW_COUNT_FACTOR + story.MIN_INFLOW_COUNT, story.MAX_EXPECTED_COUNT)),
        INT16_MAX), 0)
    outflow_count = np.where(row_outflow > 0, np.minimum(rng.poisson(np.minimum(
        row_outflow / (ticket[row_customer] * story.OUTFLOW_TICKET_MULTIPLE) + story.MIN_OUTFLOW_COUNT,
        story.MAX_EXPECTED_COUNT)), INT16_MAX), 0)
    inflow_count = np.where(has_inflow, np.maximum(inflow_count, 1), 0)
    outflow_count = np.where((row_outflow > 0) & ~row_asleep, np.maximum(outflow_count, 1), 0)
    table = build("account_flows", {
        "entity_id": (customers + 1).astype(np.int32)[row_customer], "month": month_end(row_month),
        "inflow_amount": np.round(row_inflow, 4), "outflow_amount": np.round(np.where(row_asleep, 0.0, row_outflow), 4),
        "inflow_count": inflow_count, "outflow_count": outflow_count,
        "avg_balance": np.round(balance[row_customer, row_month], 4),
    })
    del row_customer, row_month, row_inflow, row_outflow, inflow_count, outflow_count, row_asleep
    deposit_avg, flow_trend = _flow_features(credit, customers, flow_start, inflow, balance, population.n_entities)
    return table, FlowFeatures(customers=customers, flow_start=flow_start, deposit_avg_6m=deposit_avg,
                               flow_trend_6m=flow_trend)


def _pre_default_stress(rng, customers, timeline: Timeline):
    """(客户, 月)：违约前征兆的强度，0 = 正常，1 = 违约当月及以后；征兆从违约前 FLOW_WARNING_MONTHS 个月起线性加深。

    一部分违约事先在我行流水里没有征兆（FLOW_WARNING_SILENT_SHARE）。短期困境（会恢复的）期间有较浅的征兆。
    """
    n_customers = len(customers)
    default_month = timeline.default_month[customers]
    lead = rng.integers(*story.FLOW_WARNING_MONTHS, n_customers)
    silent = rng.random(n_customers) < story.FLOW_WARNING_SILENT_SHARE
    months = np.arange(OBSERVED_MONTHS)[None, :]
    since = months - default_month[:, None]
    ramp = np.clip((since + lead[:, None] + 1) / (lead[:, None] + 1), 0.0, 1.0)
    stress = np.where(timeline.defaults[customers][:, None] & ~silent[:, None], ramp, 0.0)
    for k in range(story.MAX_CURES):
        since_cure = months - timeline.cure_months[customers, k][:, None]
        dip = (since_cure >= -story.CURE_DIP_LEAD_MONTHS) & (since_cure < timeline.cure_durations[customers, k][:, None])
        stress = np.maximum(stress, np.where(dip, story.FLOW_WARNING_CURE_LEVEL, 0.0))
    return stress.astype(FLOAT32)


def _flow_features(credit: CreditFile, customers, flow_start, inflow, balance, n_entities):
    """申请前 6 个月的日均余额与流入趋势（流水不足 3 个月或不是我行客户的为空）。"""
    position = np.full(n_entities, -1)
    position[customers] = np.arange(len(customers))
    customer_index = position[credit.entity]
    has_flow = customer_index >= 0
    deposit_avg = np.full(len(credit.entity), np.nan)
    flow_trend = np.full(len(credit.entity), np.nan)
    if has_flow.any():
        index = customer_index[has_flow]
        high = credit.month[has_flow]
        low = np.maximum(high - story.FLOW_FEATURE_MONTHS, flow_start[index])
        enough = (high - low) >= story.MIN_FLOW_FEATURE_MONTHS
        zeros = np.zeros(len(customers), FLOAT32)
        cum_balance = np.cumsum(np.c_[zeros, balance], axis=1, dtype=np.float64)
        cum_inflow = np.cumsum(np.c_[zeros, inflow], axis=1, dtype=np.float64)
        average = (cum_balance[index, high] - cum_balance[index, low]) / np.maximum(high - low, 1)
        middle = np.maximum(high - story.FLOW_TREND_MONTHS, low)
        recent = (cum_inflow[index, high] - cum_inflow[index, middle]) / np.maximum(high - middle, 1)
        prior = (cum_inflow[index, middle] - cum_inflow[index, low]) / np.maximum(middle - low, 1)
        ratio = np.where(prior > 0, recent / np.maximum(prior, 1e-9) - 1, np.nan)
        rows = np.flatnonzero(has_flow)[enough]
        deposit_avg[rows] = np.round(average[enough], 2)
        flow_trend[rows] = np.round(np.maximum(ratio[enough], -1.0), 3)
    return deposit_avg, flow_trend


def make_utilities(rng, population: Population, sales: Sales):
    """授权主体每月的用电、用水 = 真实销售 ÷ 行业系数 × 主体自身偏差 × 波动 + 生活用量。

    返回 (utilities 表, 是否授权查询水电)。
    """
    authorised = rng.random(population.n_entities) < np.where(population.is_applicant, story.UTILITY_AUTH_APPLICANT,
                                                              story.UTILITY_AUTH_OTHER)
    users = np.flatnonzero(authorised)
    n_users = len(users)
    shape = (n_users, OBSERVED_MONTHS)
    sub = population.sub_industry[users]
    electricity_bias = rng.normal(0, story.ELECTRICITY_BIAS_SD, n_users)
    water_bias = rng.normal(0, story.WATER_BIAS_SD, n_users)
    true_sales = sales.monthly[users]
    kwh = (true_sales * (YUAN_PER_WANYUAN / by_key(story.REV_PER_KWH, SUB_INDUSTRIES)[sub] * np.exp(electricity_bias)).astype(FLOAT32)[:, None]
           * np.exp(normal32(rng, shape, story.ELECTRICITY_NOISE_SD))
           + rng.uniform(*story.HOUSEHOLD_KWH, n_users).astype(FLOAT32)[:, None])
    water = (true_sales * (YUAN_PER_WANYUAN / by_key(story.REV_PER_TON, SUB_INDUSTRIES)[sub] * np.exp(water_bias)).astype(FLOAT32)[:, None]
             * np.exp(normal32(rng, shape, story.WATER_NOISE_SD))
             + rng.uniform(*story.HOUSEHOLD_WATER_TONS, n_users).astype(FLOAT32)[:, None])
    del true_sales
    kwh[rng.random(shape, dtype=FLOAT32) < story.ELECTRICITY_MISSING_SHARE] = np.nan
    water[rng.random(shape, dtype=FLOAT32) < story.WATER_MISSING_SHARE] = np.nan
    table = build("utilities", {
        "entity_id": np.repeat((users + 1).astype(np.int32), OBSERVED_MONTHS),
        "month": np.tile(month_end(np.arange(OBSERVED_MONTHS)), n_users),
        "electricity_kwh": np.round(kwh.ravel(), 0), "water_tons": np.round(water.ravel(), 1),
    })
    return table, authorised


def make_tax_records(rng, population: Population, sales: Sales):
    """纳税主体每季度的申报收入与税额（定期定额户按核定额，小规模、一般纳税人略有少报）。

    返回 (tax_records 表, 是否纳税主体)。
    """
    group, sub = population.group, population.sub_industry
    processing = sub == SUB_CODE["agri_processing"]
    taxed = (group != GROUP_CODE["farmer_household"]) & ((SUB_PARENT_CODE[sub] != INDUSTRY_CODE["agri_production"]) | processing)
    taxed &= ~((group == GROUP_CODE["coop"]) & ~processing)
    payers = np.flatnonzero(taxed)
    n_payers = len(payers)
    methods = get_table("tax_records").column("tax_method").categories
    general, small_scale, fixed_quota = (category_code("tax_records", "tax_method", name) for name in methods)
    payer_group = group[payers]
    method = np.where(payer_group == GROUP_CODE["individual_business"],
                      np.where(rng.random(n_payers) < story.QUOTA_TAX_SHARE, fixed_quota, small_scale),
                      np.where(payer_group == GROUP_CODE["rural_micro"],
                               np.where(rng.random(n_payers) < story.GENERAL_TAXPAYER_SHARE, general, small_scale),
                               small_scale))
    n_quarters = OBSERVED_MONTHS // 3
    quarterly = sales.monthly[payers].reshape(n_payers, n_quarters, 3).sum(axis=2, dtype=np.float64)
    declared_share = rng.uniform(*story.TAX_DECLARED_SHARE, n_payers)
    under = population.is_misreporter[payers] & (population.misreport_ratio[payers] < 1)  # 少报者按账面数申报
    declared_share = np.where(under, population.misreport_ratio[payers], declared_share)
    declared = quarterly * declared_share[:, None] * np.exp(rng.normal(0, story.TAX_DECLARATION_NOISE_SD, (n_payers, n_quarters)))
    quota = (sales.yearly[payers] / 4.0 * rng.uniform(*story.QUOTA_TO_REVENUE, n_payers)[:, None])
    quota = np.repeat(quota, 4, axis=1)
    declared = np.where((method == fixed_quota)[:, None], quota, declared)
    tax_rate = by_key(story.TAX_RATE, methods)[method]
    table = build("tax_records", {
        "entity_id": np.repeat(payers + 1, n_quarters), "quarter_end": np.tile(month_end(np.arange(2, OBSERVED_MONTHS, 3)), n_payers),
        "tax_method": np.repeat(method, n_quarters),
        "declared_revenue": np.round(declared.ravel(), 2), "tax_paid": np.round((declared * tax_rate[:, None]).ravel(), 4),
    })
    return table, taxed


def make_holdings(rng, population: Population, relationship: Relationship, sales: Sales, receipts: ReceiptMix,
                  flows: FlowFeatures, loans: Loans, tables: dict, banked_before: np.ndarray):
    """我行客户持有的产品（存款、理财、卡、收单、结算、保险、电商、分期）与 2025 年末仍在账的贷款。

    ``tables`` 是已经生成的 account_flows、entities、loan_monthly、loans 表（余额、开户日期从那里取）。
    ``banked_before`` 是放款前的“在我行开户”：靠贷款进来的新客户有一部分只用还款账户走款、钱放在他行，
    不持有我行的存款产品（``LOAN_LED_NO_DEPOSIT_SHARE``）。
    """
    n_entities = population.n_entities
    customers = flows.customers
    n_customers = len(customers)
    quality = population.quality[customers]
    log_assets = np.log(population.assets[customers] / story.HOLDINGS_ASSETS_REFERENCE)
    holder_rows, product_rows = [], []

    def hold(mask, kind):
        index = np.flatnonzero(mask)
        holder_rows.append(index)
        product_rows.append(np.full(len(index), OUR_PRODUCT_ID[kind]))

    loan_led = ~banked_before[customers]
    no_deposit = loan_led & (rng.random(n_customers) < by_key(story.LOAN_LED_NO_DEPOSIT_SHARE, CUSTOMER_GROUPS)[
        population.group[customers]])
    hold(~no_deposit, "deposit_current")
    hold(~no_deposit & (rng.random(n_customers) < sigmoid(story.TIME_DEPOSIT_LOGIT + story.TIME_DEPOSIT_QUALITY * quality
                                                          + story.TIME_DEPOSIT_ASSETS * log_assets)), "deposit_time")
    hold(~no_deposit & (rng.random(n_customers) < sigmoid(story.WEALTH_LOGIT + story.WEALTH_QUALITY * quality
                                                          + story.WEALTH_ASSETS * log_assets)), "wealth")
    hold(~no_deposit & (rng.random(n_customers) < story.DEBIT_CARD_SHARE), "debit_card")
    hold(rng.random(n_customers) < sigmoid(story.CREDIT_CARD_LOGIT + story.CREDIT_CARD_QUALITY * quality), "credit_card")
    hold((receipts.is_retail[customers] | (receipts.qr_mobile[customers] > story.ACQUIRING_MIN_QR_SHARE))
         & (rng.random(n_customers) < story.ACQUIRING_TAKE_UP), "mobile_payment")
    hold(np.isin(population.group[customers], group_codes(story.ORGANISATION_GROUPS))
         & (rng.random(n_customers) < story.SETTLEMENT_TAKE_UP), "settlement")
    hold((SUB_PARENT_CODE[population.sub_industry[customers]] == INDUSTRY_CODE["agri_production"])
         & (rng.random(n_customers) < story.AGRI_INSURANCE_TAKE_UP), "insurance")
    hold(rng.random(n_customers) < story.ECOMMERCE_TAKE_UP + story.ECOMMERCE_SHOP_EXTRA * (
        population.sub_industry[customers] == SUB_CODE["ecommerce_shop"]), "ecommerce")
    hold(rng.random(n_customers) < story.INSTALMENT_TAKE_UP, "instalment")
    holder = np.concatenate(holder_rows)
    product = np.concatenate(product_rows)
    n_rows = len(holder)
    entity = customers[holder]
    inflow_12m = (sales.monthly[entity, OBSERVED_MONTHS - 12:].sum(1) * (1 - receipts.cash[entity])
                  * relationship.share_of_wallet[entity])
    balance_last, balance_12m = _current_account_balances(tables["account_flows"], n_entities)
    balance = np.zeros(n_rows)
    average = np.zeros(n_rows)
    fee = np.zeros(n_rows)
    assets = population.assets[entity]
    is_current = product == OUR_PRODUCT_ID["deposit_current"]
    balance = np.where(is_current, balance_last[entity], balance)
    average = np.where(is_current, balance_12m[entity], average)
    time_deposit = assets * rng.uniform(*story.TIME_DEPOSIT_TO_ASSETS, n_rows)
    is_time = product == OUR_PRODUCT_ID["deposit_time"]
    balance = np.where(is_time, time_deposit, balance)
    average = np.where(is_time, time_deposit * rng.uniform(*story.TIME_DEPOSIT_AVERAGE_RATIO, n_rows), average)
    wealth = assets * rng.uniform(*story.WEALTH_TO_ASSETS, n_rows)
    is_wealth = product == OUR_PRODUCT_ID["wealth"]
    balance = np.where(is_wealth, wealth, balance)
    average = np.where(is_wealth, wealth * rng.uniform(*story.WEALTH_AVERAGE_RATIO, n_rows), average)
    fee = np.where(is_wealth, wealth * story.WEALTH_FEE_RATE, fee)
    fee = np.where(product == OUR_PRODUCT_ID["debit_card"], story.DEBIT_CARD_FEE, fee)
    card_limit = rng.uniform(*story.CREDIT_CARD_LIMIT, n_rows)
    is_card = product == OUR_PRODUCT_ID["credit_card"]
    balance = np.where(is_card, card_limit * rng.random(n_rows), balance)
    average = np.where(is_card, card_limit * story.CREDIT_CARD_AVERAGE_USE, average)
    fee = np.where(is_card, card_limit * story.CREDIT_CARD_FEE_RATE, fee)
    fee = np.where(product == OUR_PRODUCT_ID["mobile_payment"], inflow_12m * receipts.qr_mobile[entity] * story.ACQUIRING_FEE_RATE, fee)
    fee = np.where(product == OUR_PRODUCT_ID["settlement"], inflow_12m * story.SETTLEMENT_FEE_RATE + story.SETTLEMENT_FEE_FIXED, fee)
    fee = np.where(product == OUR_PRODUCT_ID["insurance"], rng.uniform(*story.INSURANCE_COMMISSION, n_rows), fee)
    fee = np.where(product == OUR_PRODUCT_ID["ecommerce"], rng.uniform(*story.ECOMMERCE_FEE, n_rows), fee)
    instalment = rng.uniform(*story.INSTALMENT_BALANCE, n_rows)
    is_instalment = product == OUR_PRODUCT_ID["instalment"]
    balance = np.where(is_instalment, instalment, balance)
    average = np.where(is_instalment, instalment * story.INSTALMENT_AVERAGE_RATIO, average)
    fee = np.where(is_instalment, instalment * story.INSTALMENT_FEE_RATE, fee)
    open_month = flows.flow_start[holder] + rng.integers(*story.PRODUCT_OPEN_DELAY_MONTHS, n_rows) * ~is_current
    open_date = MONTH_STARTS[np.clip(open_month, -PRE_HISTORY_MONTHS, LAST_MONTH) + PRE_HISTORY_MONTHS]
    customer_since = tables["entities"]["customer_since"].to_numpy()[entity]
    open_date = np.where(is_current, customer_since, np.maximum(open_date, customer_since))
    loan_rows = _loan_holdings(tables["loan_monthly"], tables["loans"], loans)
    held = pd.DataFrame({
        "entity_id": np.r_[entity, loan_rows["entity"]] + 1, "product_id": np.r_[product, loan_rows["product"]],
        "open_date": np.r_[open_date.astype("datetime64[us]"), loan_rows["open_date"].astype("datetime64[us]")],
        "balance": np.r_[balance, loan_rows["balance"]],
        "avg_balance_12m": np.r_[average, loan_rows["average"]], "fee_income_12m": np.r_[fee, np.zeros(len(loan_rows["entity"]))],
    })
    held = held.groupby(["entity_id", "product_id"], sort=True, as_index=False).agg(
        open_date=("open_date", "min"), balance=("balance", "sum"), avg_balance_12m=("avg_balance_12m", "sum"),
        fee_income_12m=("fee_income_12m", "sum"))
    product_type = dict(zip(product_field("product_id"), product_field("product_type")))
    return build("holdings", {
        "entity_id": held["entity_id"].to_numpy(), "product_id": held["product_id"].to_numpy(),
        "product_type": [product_type[product_id] for product_id in held["product_id"].to_numpy()],
        "open_date": held["open_date"].to_numpy(),
        "balance": np.round(held["balance"].to_numpy(), 4), "avg_balance_12m": np.round(held["avg_balance_12m"].to_numpy(), 4),
        "fee_income_12m": np.round(held["fee_income_12m"].to_numpy(), 4),
    })


def _current_account_balances(account_flows, n_entities):
    """活期账户：2025-12 的日均余额与近 12 个月的平均（按主体）。"""
    month = account_flows["month"].to_numpy()
    entity = account_flows["entity_id"].to_numpy()
    balance = account_flows["avg_balance"].to_numpy()
    last = month == MONTH_ENDS[-1]
    balance_last = np.zeros(n_entities)
    balance_last[entity[last] - 1] = balance[last]
    recent = month > MONTH_ENDS[-13]
    balance_12m = np.bincount(entity[recent] - 1, weights=balance[recent], minlength=n_entities) / 12.0
    return balance_last, balance_12m


def _loan_holdings(loan_monthly, loans_table, loans: Loans) -> dict:
    """2025-12 仍有余额的贷款：主体、产品、放款日、年末余额、近 12 个月平均余额。"""
    month = loan_monthly["month"].to_numpy()
    loan_id = loan_monthly["loan_id"].to_numpy()
    balance = loan_monthly["balance"].to_numpy()
    current = loan_monthly.loc[(month == MONTH_ENDS[-1]) & (balance > 0), ["loan_id", "balance"]]
    recent = month > MONTH_ENDS[-13]
    size = loans.loan_id.max() + 2
    loan_entity = np.zeros(size, dtype=np.int64)
    loan_product = np.zeros(size, dtype=np.int64)
    kept = loans.kept
    loan_entity[loans.loan_id[kept]] = loans.entity[kept]
    loan_product[loans.loan_id[kept]] = loans.product[kept]
    current_ids = current["loan_id"].to_numpy()
    average = np.bincount(loan_id[recent], weights=balance[recent].astype(float), minlength=size) / 12.0
    return {
        "entity": loan_entity[current_ids], "product": loan_product[current_ids],
        "open_date": loans_table.set_index("loan_id")["origination_date"].reindex(current_ids).to_numpy(),
        "balance": current["balance"].to_numpy().astype(float), "average": average[current_ids],
    }
