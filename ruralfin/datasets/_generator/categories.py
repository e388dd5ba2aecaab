"""七大数据里由主体经营情况派生的表：收款方式（阶段 5）、风险收益与成本结构、月度销售与行业表（阶段 17）、
结算方式、软信息与客户消费行为（阶段 18）。供应链见 ``supply_chain``。"""

from __future__ import annotations

import numpy as np

from ...schema import CUSTOMER_GROUPS, INDUSTRIES, LEVEL3, PAY_METHODS, SUB_INDUSTRIES, get_table
from .. import _story as story
from .._frames import build
from .common import (
    FIRST_YEAR, FLOAT32, INDUSTRY_CODE, N_SUB, OBSERVED_MONTHS, OBSERVED_YEARS, SUB_CODE, SUB_PARENT_CODE,
    YUAN_PER_WANYUAN, by_key, choice_rows, month_end, sigmoid, sub_codes,
)
from .state import (
    CreditFile, Geography, Household, IndustryCalendar, Population, ReceiptMix, Relationship, Sales, Timeline,
)

__all__ = ["make_receipt_mix", "make_operating_tables", "make_customer_tables"]


def make_receipt_mix(rng, population: Population) -> ReceiptMix:
    """每个主体收款里现金、转账、扫码、赊销的份额（围绕细分行业的典型占比随机波动）。"""
    sub = population.sub_industry
    cash = by_key(story.CASH_SHARE, SUB_INDUSTRIES)[sub]
    is_retail = np.isin(sub, sub_codes(story.RETAIL_SUBS))
    is_b2b = np.isin(sub, sub_codes(story.B2B_SUBS))
    qr_mobile = np.where(is_retail, story.QR_SHARE_RETAIL, story.QR_SHARE_OTHER)
    is_agri = SUB_PARENT_CODE[sub] == INDUSTRY_CODE["agri_production"]
    credit = np.where(is_b2b, story.TRADE_CREDIT_SHARE_B2B,
                      np.where(is_agri, story.TRADE_CREDIT_SHARE_AGRI, story.TRADE_CREDIT_SHARE_OTHER))
    transfer = np.maximum(1 - cash - qr_mobile - credit, story.MIN_TRANSFER_SHARE)
    alpha = np.stack([cash, transfer, qr_mobile, credit], 1) * story.RECEIPT_CONCENTRATION + story.RECEIPT_CONCENTRATION_FLOOR
    shares = rng.gamma(alpha)
    shares /= shares.sum(1, keepdims=True)
    shares = np.round(shares, 3)
    shares[:, 1] = np.round(1 - shares[:, 0] - shares[:, 2] - shares[:, 3], 3)
    shares = np.clip(shares, 0, 1)
    return ReceiptMix(shares=shares, is_retail=is_retail, is_b2b=is_b2b)


def _is_agri_production(sub):
    return SUB_PARENT_CODE[sub] == INDUSTRY_CODE["agri_production"]


def make_operating_tables(rng, population: Population, sales: Sales, calendar: IndustryCalendar) -> dict:
    """风险收益对比、经营成本结构、自报月度销售（七大数据 1、5、4），以及细分行业的月度指数、风险与经验系数。"""
    n_entities = population.n_entities
    margin = np.clip(by_key(story.MARGIN, SUB_INDUSTRIES)[population.sub_industry]
                     + story.MARGIN_QUALITY_SLOPE * population.quality + rng.normal(0, story.MARGIN_NOISE_SD, n_entities),
                     *story.MARGIN_RANGE)
    tables = {}
    tables["risk_return"] = _risk_return(rng, population, sales, calendar, margin)
    tables["cost_structure"] = _cost_structure(rng, population, sales, margin)
    reported = population.misreport_ratio * np.exp(rng.normal(0, story.REPORTED_SALES_NOISE_SD, n_entities))
    tables["sales_monthly"] = build("sales_monthly", {
        "entity_id": np.repeat(np.arange(1, n_entities + 1, dtype=np.int32), OBSERVED_MONTHS),
        "month": np.tile(month_end(np.arange(OBSERVED_MONTHS)), n_entities),
        "sales_amount": np.round((sales.monthly * reported.astype(FLOAT32)[:, None]).ravel(), 4),
    })
    tables.update(_industry_tables(rng, calendar))
    return tables


def _risk_return(rng, population: Population, sales: Sales, calendar: IndustryCalendar, margin):
    """每年的自报收入、利润、灾害与价格冲击损失、保险。"""
    n_entities = population.n_entities
    sub = population.sub_industry
    yearly = sales.yearly
    shock_year = calendar.observed_shock.reshape(N_SUB, OBSERVED_YEARS, 12).max(axis=2)[sub]  # (主体, 年)
    shock_loss = shock_year * yearly * calendar.shock_depth[sub][:, None]
    is_disaster = np.isin(sub, sub_codes(story.DISASTER_SUBS))
    disaster_loss = np.where(is_disaster[:, None], shock_loss * np.minimum(population.shock_sensitivity,
                                                                            story.DISASTER_SENSITIVITY_CAP)[:, None]
                             * story.DISASTER_LOSS_SHARE, 0.0)
    agri = _is_agri_production(sub)
    disaster_loss += np.where(rng.random((n_entities, OBSERVED_YEARS))
                              < np.where(agri, story.LOCAL_DISASTER_RATE_AGRI, story.LOCAL_DISASTER_RATE_OTHER)[:, None],
                              yearly * rng.uniform(*story.LOCAL_DISASTER_LOSS, (n_entities, OBSERVED_YEARS)), 0)
    price_loss = np.where((~is_disaster)[:, None], shock_loss * story.PRICE_SHOCK_LOSS_SHARE, 0.0)
    insured = rng.random(n_entities) < np.where(agri, story.INSURED_SHARE_AGRI, story.INSURED_SHARE_OTHER)
    revenue = yearly * population.misreport_ratio[:, None]
    cost = yearly * (1 - margin)[:, None]
    profit = revenue - cost - disaster_loss * (1 - story.INSURANCE_COVERS * insured)[:, None] - price_loss
    insured_amount = np.where(insured[:, None], revenue * rng.uniform(*story.INSURED_TO_REVENUE, n_entities)[:, None], 0.0)
    return build("risk_return", {
        "entity_id": np.repeat(np.arange(1, n_entities + 1), OBSERVED_YEARS),
        "year": np.tile(FIRST_YEAR + np.arange(OBSERVED_YEARS), n_entities),
        "revenue": np.round(revenue.ravel(), 2), "profit": np.round(profit.ravel(), 2),
        "profit_margin": np.round(np.clip(profit / np.maximum(revenue, 1e-6), *story.PROFIT_MARGIN_RANGE).ravel(), 4),
        "disaster_loss": np.round(disaster_loss.ravel(), 2), "price_shock_loss": np.round(price_loss.ravel(), 2),
        "has_insurance": np.repeat(insured, OBSERVED_YEARS), "insured_amount": np.round(insured_amount.ravel(), 2),
    })


def _cost_structure(rng, population: Population, sales: Sales, margin):
    """最后一年（2025）的成本构成与固定成本占比。"""
    n_entities = population.n_entities
    mix = np.array([story.COST_MIX[industry] for industry in INDUSTRIES])[population.industry]
    parts = rng.gamma(mix * story.COST_MIX_CONCENTRATION + story.COST_MIX_FLOOR)
    parts /= parts.sum(1, keepdims=True)
    operating_cost = sales.yearly[:, -1] * (1 - margin)
    interest = population.liabilities * rng.uniform(*story.INTEREST_ON_LIABILITIES, n_entities)
    materials, labour, rent, utilities, other = (parts * operating_cost[:, None]).T
    total_cost = operating_cost + interest
    fixed = ((story.FIXED_SHARE_LABOUR * labour + rent + interest + story.FIXED_SHARE_UTILITIES * utilities
              + story.FIXED_SHARE_OTHER * other) / np.maximum(total_cost, 1e-9))
    return build("cost_structure", {
        "entity_id": np.arange(1, n_entities + 1), "year": np.full(n_entities, FIRST_YEAR + OBSERVED_YEARS - 1),
        "materials_cost": np.round(materials, 2), "labour_cost": np.round(labour, 2), "rent_cost": np.round(rent, 2),
        "utilities_cost": np.round(utilities, 2), "interest_cost": np.round(interest, 2), "other_cost": np.round(other, 2),
        "fixed_cost_share": np.round(np.clip(fixed, 0, 1), 4),
    })


def _industry_tables(rng, calendar: IndustryCalendar) -> dict:
    """细分行业的月度价格与季节指数、行业风险、把用电、用水、纳税换算成收入的经验系数。"""
    observed_shock = calendar.observed_shock
    price_index = (story.PRICE_INDEX_BASE * np.exp(calendar.trend[:, None] * np.arange(OBSERVED_MONTHS)[None, :] / 12)
                   * (1 - calendar.shock_depth[:, None] * observed_shock))
    price_index *= np.exp(rng.normal(0, story.PRICE_INDEX_NOISE_SD, price_index.shape))
    price_index[:, 0] = story.PRICE_INDEX_BASE
    tables = {}
    tables["industry_monthly"] = build("industry_monthly", {
        "sub_industry": np.repeat(np.arange(N_SUB), OBSERVED_MONTHS), "month": np.tile(month_end(np.arange(OBSERVED_MONTHS)), N_SUB),
        "price_index": np.round(price_index.ravel(), 2),
        "seasonal_index": np.round(np.tile(calendar.seasonality, OBSERVED_YEARS).ravel() * (1 + calendar.festival.ravel()), 3),
        "shock": observed_shock.ravel() > 0,
    })
    volatility = (np.std(np.diff(np.log(price_index), axis=1), axis=1)
                  + calendar.noise_sd * story.PRICE_VOLATILITY_FROM_NOISE)
    sub_risk = by_key(story.SUB_RISK, SUB_INDUSTRIES)
    risk_level = np.where(sub_risk >= story.RISK_LEVEL_HIGH, LEVEL3.index("high"),
                          np.where(sub_risk >= story.RISK_LEVEL_MEDIUM, LEVEL3.index("medium"), LEVEL3.index("low")))
    tables["industry_risk"] = build("industry_risk", {
        "sub_industry": np.arange(N_SUB), "industry": SUB_PARENT_CODE, "price_volatility": np.round(volatility, 4),
        "disaster_exposure": np.array([LEVEL3.index(story.DISASTER_EXPOSURE.get(sub, "low")) for sub in SUB_INDUSTRIES]),
        "policy_support": np.array([LEVEL3.index(story.POLICY_SUPPORT.get(sub, "low")) for sub in SUB_INDUSTRIES]),
        "industry_risk_level": risk_level,
        "typical_margin": by_key(story.MARGIN, SUB_INDUSTRIES), "peak_months": [story.PEAK_MONTHS[sub] for sub in SUB_INDUSTRIES],
    })
    coefficient_noise = np.exp(rng.normal(0, story.COEFFICIENT_NOISE_SD, (3, N_SUB)))
    tables["industry_coefficients"] = build("industry_coefficients", {
        "sub_industry": np.arange(N_SUB),
        "revenue_per_kwh": np.round(by_key(story.REV_PER_KWH, SUB_INDUSTRIES) * coefficient_noise[0], 1),
        "revenue_per_ton_water": np.round(by_key(story.REV_PER_TON, SUB_INDUSTRIES) * coefficient_noise[1], 1),
        "tax_to_revenue": np.round(np.where(SUB_PARENT_CODE == INDUSTRY_CODE["manufacturing"], story.TAX_TO_REVENUE_MANUFACTURING,
                                            story.TAX_TO_REVENUE_OTHER) * coefficient_noise[2], 5),
        "typical_cash_share": by_key(story.CASH_SHARE, SUB_INDUSTRIES),
    })
    return tables


def make_customer_tables(rng, population: Population, relationship: Relationship, geography: Geography,
                         receipts: ReceiptMix, sales: Sales, timeline: Timeline, credit: CreditFile,
                         household: Household) -> dict:
    """采购与结算方式、经营者个人软信息、客户消费行为（七大数据 3、6、7）。"""
    tables = {}
    tables["settlement"] = _settlement(rng, population, relationship, receipts)
    tables["soft_info"] = _soft_info(rng, population, relationship, geography, credit, household)
    tables["consumer_behavior"] = _consumer_behavior(rng, population, receipts, sales, timeline)
    return tables


def _settlement(rng, population: Population, relationship: Relationship, receipts: ReceiptMix):
    n_entities = population.n_entities
    sub = population.sub_industry
    stated_share = np.where(
        relationship.banks_with_us & (rng.random(n_entities) < story.STATED_SHARE_RESPONSE),
        np.clip(np.round((relationship.share_of_wallet * np.exp(rng.normal(0, story.STATED_SHARE_NOISE_SD, n_entities)))
                         * story.STATED_SHARE_STEPS) / story.STATED_SHARE_STEPS, 0, 1), np.nan)
    agri = _is_agri_production(sub)
    is_b2b = receipts.is_b2b
    modes = get_table("settlement").column("purchase_mode").categories
    purchase_mode = choice_rows(rng, np.where(agri[:, None], [by_key(story.PURCHASE_MODE_AGRI, modes)],
                                              np.where(is_b2b[:, None], [by_key(story.PURCHASE_MODE_B2B, modes)],
                                                       [by_key(story.PURCHASE_MODE_OTHER, modes)])))
    channels = get_table("settlement").column("main_sales_channel").categories
    sales_channel = np.where(
        receipts.is_retail,
        np.where(sub == SUB_CODE["ecommerce_shop"], channels.index("ecommerce"), channels.index("retail_store")),
        np.where(agri, choice_rows(rng, np.tile([by_key(story.SALES_CHANNEL_AGRI, channels)], (n_entities, 1))),
                 choice_rows(rng, np.tile([by_key(story.SALES_CHANNEL_OTHER, channels)], (n_entities, 1)))))
    payment = choice_rows(rng, np.where(is_b2b[:, None], [by_key(story.PAYMENT_METHOD_B2B, PAY_METHODS)],
                                        [by_key(story.PAYMENT_METHOD_OTHER, PAY_METHODS)]))
    return build("settlement", {
        "entity_id": np.arange(1, n_entities + 1), "purchase_mode": purchase_mode, "main_sales_channel": sales_channel,
        "main_receipt_method": receipts.shares.argmax(1), "main_payment_method": payment,
        "receipt_share_cash": receipts.cash, "receipt_share_transfer": receipts.transfer,
        "receipt_share_qr": receipts.qr_mobile, "receipt_share_credit": receipts.trade_credit,
        "days_receivable": np.clip(np.round(receipts.trade_credit * story.RECEIVABLE_DAYS_PER_CREDIT_SHARE
                                            + rng.gamma(*story.RECEIVABLE_DAYS_GAMMA, n_entities)), 0, story.MAX_TRADE_DAYS),
        "days_payable": np.clip(np.round((purchase_mode == modes.index("credit_purchase")) * story.PAYABLE_DAYS_CREDIT_PURCHASE
                                         + rng.gamma(*story.PAYABLE_DAYS_GAMMA, n_entities)), 0, story.MAX_TRADE_DAYS),
        "reported_share_with_us": stated_share,
    })


def _soft_info(rng, population: Population, relationship: Relationship, geography: Geography, credit: CreditFile,
               household: Household):
    n_entities = population.n_entities
    age = population.age
    reputation_latent = (story.REPUTATION_INTEGRITY * population.integrity_z + story.REPUTATION_QUALITY * population.quality
                         + rng.normal(0, story.REPUTATION_NOISE_SD, n_entities))
    reputation = np.searchsorted(np.quantile(reputation_latent, story.REPUTATION_CUT_QUANTILES), reputation_latent)
    visited = relationship.banks_with_us & (rng.random(n_entities) < np.where(
        geography.is_credit_village[population.village], story.VISIT_RATE_CREDIT_VILLAGE, story.VISIT_RATE_OTHER))
    visit_date = np.where(visited, (np.datetime64(story.VISIT_WINDOW_START) + rng.integers(
        0, story.VISIT_WINDOW_DAYS, n_entities).astype("timedelta64[D]")).astype("datetime64[us]"), np.datetime64("NaT"))
    size = household.household_size
    return build("soft_info", {
        "entity_id": np.arange(1, n_entities + 1), "household_size": size,
        "dependants": np.minimum(rng.poisson(story.DEPENDANTS_MEAN, n_entities), size - 1),
        "years_resident": np.clip(age - rng.integers(*story.YEARS_AWAY, n_entities) * (rng.random(n_entities) < story.MOVED_SHARE),
                                  0, story.MAX_YEARS_RESIDENT),
        "married": rng.random(n_entities) < np.where(age < story.MARRIED_AGE, story.MARRIED_SHARE_YOUNG, story.MARRIED_SHARE),
        "village_reputation": reputation,
        "bad_habits": rng.random(n_entities) < story.BAD_HABITS_BASE + story.BAD_HABITS_LOW_INTEGRITY * (
            population.integrity < story.LOW_INTEGRITY),
        "household_assets": np.round(population.assets * rng.uniform(*story.HOUSEHOLD_ASSETS_TO_BUSINESS, n_entities)
                                     + household.owns_house * rng.uniform(*story.HOUSE_VALUE, n_entities), 2),
        "owns_house": household.owns_house,
        "owns_vehicle": rng.random(n_entities) < sigmoid(story.VEHICLE_LOGIT + story.VEHICLE_REVENUE_SLOPE * np.log(
            population.base_revenue / story.VEHICLE_REVENUE_REFERENCE)),
        "social_ties": np.searchsorted(story.SOCIAL_TIES_CUTS, story.SOCIAL_TIES_QUALITY * population.quality
                                       + story.SOCIAL_TIES_AGE_SLOPE * (age - story.SOCIAL_TIES_AGE_CENTRE)
                                       + rng.normal(0, story.SOCIAL_TIES_NOISE_SD, n_entities)),
        "is_village_cadre": rng.random(n_entities) < story.VILLAGE_CADRE_SHARE,
        "manager_visit_score": np.where(visited, credit.visit_score, np.nan), "last_visit_date": visit_date,
        # 最后才抽：家庭里有人外出务工或有其他固定收入
        "other_income": np.round(np.where(
            rng.random(n_entities) < by_key(story.OTHER_INCOME_SHARE, CUSTOMER_GROUPS)[population.group],
            story.OTHER_INCOME_MEDIAN * np.exp(rng.normal(0, story.OTHER_INCOME_SIGMA, n_entities)), 0.0), 2),
    })


def _consumer_behavior(rng, population: Population, receipts: ReceiptMix, sales: Sales, timeline: Timeline):
    """面向消费者收款的主体，从收单数据看到的付款人数、回头率、客单价、渠道、最近一次付款、增长。"""
    sub = population.sub_industry
    consumer_facing = np.flatnonzero(receipts.is_retail | np.isin(sub, sub_codes(story.CONSUMER_EXTRA_SUBS))
                                     & (receipts.qr_mobile >= story.MIN_QR_SHARE_FOR_CONSUMERS))
    count = len(consumer_facing)
    avg_ticket = (by_key(story.AVERAGE_TICKET_YUAN, SUB_INDUSTRIES)[sub[consumer_facing]]
                  * np.exp(rng.normal(0, story.TICKET_NOISE_SD, count)))
    last_year = sales.monthly[consumer_facing, OBSERVED_MONTHS - 12:].mean(1)
    qr_share, cash_share = receipts.qr_mobile[consumer_facing], receipts.cash[consumer_facing]
    payments = last_year * YUAN_PER_WANYUAN * (qr_share + story.CARD_PAYMENT_SHARE) / avg_ticket
    repeat = np.clip(sigmoid(story.REPEAT_LOGIT + story.REPEAT_QUALITY * population.quality[consumer_facing]
                             + rng.normal(0, story.REPEAT_NOISE_SD, count)), 0, 1)
    last_quarter = sales.monthly[consumer_facing, OBSERVED_MONTHS - 3:].sum(1)
    year_before = sales.monthly[consumer_facing, OBSERVED_MONTHS - 15:OBSERVED_MONTHS - 12].sum(1)
    growth = np.clip(last_quarter / np.maximum(year_before, 1e-6) - 1 + rng.normal(0, story.PAYER_GROWTH_NOISE_SD, count),
                     -1, story.MAX_PAYER_GROWTH)
    distressed = timeline.defaults[consumer_facing] & (timeline.default_month[consumer_facing] <= OBSERVED_MONTHS - 3)
    channel_total = cash_share + qr_share + story.CARD_PAYMENT_SHARE
    share_qr = np.round(qr_share / channel_total, 3)
    share_card = np.round(story.CARD_PAYMENT_SHARE / channel_total, 3)
    return build("consumer_behavior", {
        "entity_id": consumer_facing + 1, "monthly_payers": np.round(payments / (1 + story.PAYMENTS_PER_REPEAT_PAYER * repeat), 1),
        "repeat_rate": np.round(repeat, 3), "avg_ticket": np.round(avg_ticket, 1),
        "share_qr": share_qr, "share_card": share_card, "share_cash": np.round(1 - share_qr - share_card, 3).clip(0, 1),
        "recency_days": np.where(distressed, rng.integers(*story.RECENCY_DAYS_DISTRESSED, count),
                                 rng.integers(*story.RECENCY_DAYS, count)),
        "payments_per_month": np.round(payments, 1), "payer_growth_12m": np.round(growth, 3),
    })
