"""外部数据（阶段 20）：外部结构化数据、外部事件（违约前后的他行逾期、诉讼、欠税、欠缴水电费）、
由非结构化数据派生的数字特征。"""

from __future__ import annotations

import numpy as np

from ...schema import EDUCATION, VILLAGES, get_table
from .. import _story as story
from .._frames import build
from .common import (
    GROUP_CODE, INDUSTRY_CODE, LAST_MONTH, OBSERVED_MONTHS, SUB_PARENT_CODE, by_key, category_code, choice_rows,
    expand_segments, month_end, sigmoid,
)
from .state import CreditFile, Household, Population, Timeline

__all__ = ["make_external_tables"]


def make_external_tables(rng, population: Population, timeline: Timeline, credit: CreditFile, household: Household,
                         authorised, taxed) -> dict:
    """外部数据表、外部事件表、数字特征表。``authorised``：授权查询水电；``taxed``：纳税主体。"""
    n_entities = population.n_entities
    risk_z = population.risk_z
    education = population.education
    verified = np.where((education >= EDUCATION.index("college")) & (rng.random(n_entities) < story.EDUCATION_VERIFIED_SHARE),
                        education, -1)
    court = (rng.poisson(story.COURT_CASE_RATE * np.exp(story.COURT_RISK_SLOPE * risk_z))
             + (timeline.defaults & (timeline.default_month <= story.COURT_DEFAULT_BY_MONTH))
             * (rng.random(n_entities) < story.COURT_AFTER_DEFAULT_SHARE))
    other_debt = credit.other_bank_debt
    housing_fund_share = np.where(population.group == GROUP_CODE["rural_micro"], story.HOUSING_FUND_SHARE_MICRO,
                                  story.HOUSING_FUND_SHARE_OTHER)
    tables = {}
    tables["external_data"] = build("external_data", {
        "entity_id": np.arange(1, n_entities + 1), "social_security_months": household.social_security_months,
        "housing_fund_monthly": np.where(rng.random(n_entities) < housing_fund_share,
                                         np.round(rng.uniform(*story.HOUSING_FUND_YUAN, n_entities)), np.nan),
        "public_security_flag": rng.random(n_entities) < story.PUBLIC_SECURITY_RATE * np.exp(story.PUBLIC_SECURITY_RISK_SLOPE * risk_z),
        "education_verified": verified, "court_cases": np.minimum(court, story.MAX_REPORTED_COUNT),
        "other_bank_debt": other_debt,
        "other_bank_loans": np.minimum(np.where(other_debt > 0, 1 + rng.poisson(story.EXTRA_OTHER_BANK_LOANS, n_entities), 0),
                                       story.MAX_REPORTED_COUNT),
        "credit_inquiries_6m": np.minimum(rng.poisson(credit.inquiry_rate), story.MAX_REPORTED_COUNT),
        "max_dpd_24m": np.where(credit.thin_file, np.nan, credit.bureau_dpd),
    })
    tables["external_events"] = _external_events(rng, population, timeline, credit, authorised, taxed)
    tables["digital_features"] = _digital_features(rng, population, timeline, household)
    return tables


def _external_events(rng, population: Population, timeline: Timeline, credit: CreditFile, authorised, taxed):
    """多数违约前后伴有外部事件（约三成违约没有征兆），另有与违约无关的零星事件。"""
    n_entities = population.n_entities
    default_month, defaults = timeline.default_month, timeline.defaults
    other_debt = credit.other_bank_debt
    base_revenue = population.base_revenue
    kinds = get_table("external_events").column("event_type").categories
    overdue, lawsuit, tax_arrears, utility_arrears = (category_code("external_events", "event_type", kind) for kind in kinds)
    events = []  # (主体, 月序, 事件类型, 金额)
    observed = (default_month >= 0) & (default_month < OBSERVED_MONTHS)
    # 他行逾期：多数违约前 0–2 个月出现
    chosen = observed & (other_debt > 0) & (rng.random(n_entities) < story.OVERDUE_BEFORE_DEFAULT_SHARE)
    events.append((np.flatnonzero(chosen),
                   np.clip(default_month[chosen] - rng.integers(*story.OVERDUE_LEAD_MONTHS, chosen.sum()), 0, LAST_MONTH),
                   overdue, other_debt[chosen] * rng.uniform(*story.OVERDUE_AMOUNT_SHARE, chosen.sum())))
    for k in range(story.MAX_CURES):
        cure_month = timeline.cure_months[:, k]
        chosen = ((cure_month >= 0) & (cure_month < OBSERVED_MONTHS) & (other_debt > 0)
                  & (rng.random(n_entities) < story.CURE_OVERDUE_SHARE))
        events.append((np.flatnonzero(chosen), cure_month[chosen], overdue,
                       other_debt[chosen] * rng.uniform(*story.CURE_OVERDUE_AMOUNT_SHARE, chosen.sum())))
    chosen = (observed & defaults & (rng.random(n_entities) < story.LAWSUIT_SHARE)
              & (default_month + story.LAWSUIT_LAG_MONTHS[0] < OBSERVED_MONTHS))
    events.append((np.flatnonzero(chosen),
                   np.minimum(default_month[chosen] + rng.integers(*story.LAWSUIT_LAG_MONTHS, chosen.sum()), LAST_MONTH),
                   lawsuit, base_revenue[chosen] * rng.uniform(*story.LAWSUIT_AMOUNT_SHARE, chosen.sum())))
    chosen = observed & defaults & taxed & (rng.random(n_entities) < story.TAX_ARREARS_SHARE)
    events.append((np.flatnonzero(chosen), np.clip(default_month[chosen] - story.TAX_ARREARS_LEAD_MONTHS, 0, LAST_MONTH),
                   tax_arrears, base_revenue[chosen] * rng.uniform(*story.TAX_ARREARS_AMOUNT_SHARE, chosen.sum())))
    chosen = observed & defaults & authorised & (rng.random(n_entities) < story.UTILITY_ARREARS_SHARE)
    events.append((np.flatnonzero(chosen),
                   np.clip(default_month[chosen] - rng.integers(*story.UTILITY_ARREARS_LEAD_MONTHS, chosen.sum()), 0, LAST_MONTH),
                   utility_arrears, rng.uniform(*story.UTILITY_ARREARS_AMOUNT, chosen.sum())))
    # 背景噪声：与违约无关的零星事件
    for code, kind in enumerate(kinds):
        count = rng.poisson(story.BACKGROUND_EVENT_RATE[kind] * OBSERVED_MONTHS
                            * np.exp(story.BACKGROUND_RISK_SLOPE * population.risk_z))
        rows = expand_segments(count)[0]
        amount = np.where(code == utility_arrears, rng.uniform(*story.UTILITY_ARREARS_AMOUNT, len(rows)),
                          base_revenue[rows] * rng.uniform(*story.BACKGROUND_AMOUNT_SHARE, len(rows)))
        events.append((rows, rng.integers(0, OBSERVED_MONTHS, len(rows)), code, amount))
    entity = np.concatenate([event[0] for event in events])
    month = np.concatenate([event[1] for event in events])
    kind = np.concatenate([np.full(len(event[0]), event[2]) for event in events])
    amount = np.concatenate([event[3] for event in events])
    # 同一主体同月同类只留一条
    first = np.unique((entity.astype(np.int64) * 64 + month) * 8 + kind, return_index=True)[1]
    entity, month, kind, amount = entity[first], month[first], kind[first], amount[first]
    return build("external_events", {
        "entity_id": entity + 1, "month": month_end(month), "event_type": kind,
        "amount": np.where(rng.random(len(entity)) < story.EVENT_AMOUNT_MISSING_SHARE, np.nan, np.round(amount, 2)),
    })


def _digital_features(rng, population: Population, timeline: Timeline, household: Household):
    """用手机银行的主体：位置稳定性、关系网络、手机档次、打字速度、收货地址、活跃度、浏览偏好。"""
    users = np.flatnonzero(household.has_mobile_app)
    count = len(users)
    risk_z, age = population.risk_z[users], population.age[users]
    degree = np.maximum(1, np.round(np.exp(rng.normal(*story.NETWORK_DEGREE_LOG_MEAN_SD, count)))).astype(int)
    village = population.village
    n_villages = len(VILLAGES)
    village_pd = (np.bincount(village, weights=population.prob_default, minlength=n_villages)
                  / np.maximum(np.bincount(village, minlength=n_villages), 1))
    prob_risky = np.clip(story.RISKY_CONTACT_BASE + story.RISKY_CONTACT_VILLAGE_PD * village_pd[village[users]]
                         + story.RISKY_CONTACT_RISK * np.maximum(risk_z + story.RISKY_CONTACT_RISK_SHIFT, 0)
                         + story.RISKY_CONTACT_CIRCLE * (timeline.circle_id[users] >= 0), 0, story.MAX_RISKY_CONTACT_SHARE)
    interests = get_table("digital_features").column("browsing_interest").categories
    agri = SUB_PARENT_CODE[population.sub_industry[users]] == INDUSTRY_CODE["agri_production"]
    app_active = np.clip(story.APP_ACTIVE_BASE + story.APP_ACTIVE_MAIN_BANK * (population.main_bank[users] == 0)
                         - story.APP_ACTIVE_AGE_SLOPE * (age - story.DIGITAL_AGE_CENTRE), *story.APP_ACTIVE_RANGE)
    return build("digital_features", {
        "entity_id": users + 1,
        "geo_stability": np.round(sigmoid(story.GEO_STABILITY_LOGIT - story.GEO_STABILITY_RISK_SLOPE * risk_z
                                          + rng.normal(0, story.GEO_STABILITY_NOISE_SD, count)), 3),
        "network_degree": np.minimum(degree, story.MAX_NETWORK_COUNT),
        "network_risky_contacts": np.minimum(rng.binomial(degree, prob_risky), story.MAX_NETWORK_COUNT),
        "device_tier": np.searchsorted(story.DEVICE_TIER_CUTS, story.DEVICE_REVENUE_SLOPE * np.log(
            population.base_revenue[users] / story.DEVICE_REVENUE_REFERENCE)
            - story.DEVICE_AGE_SLOPE * (age - story.DIGITAL_AGE_CENTRE) + rng.normal(0, story.DEVICE_NOISE_SD, count)),
        "typing_speed": np.round(household.typing_speed[users], 1),
        "delivery_address_consistency": np.round(np.clip(rng.beta(*story.ADDRESS_CONSISTENCY_BETA, count)
                                                         + story.ADDRESS_INTEGRITY_SLOPE * population.integrity_z[users], 0, 1), 3),
        "app_active_days_30d": np.minimum(rng.binomial(story.APP_WINDOW_DAYS, app_active), story.APP_WINDOW_DAYS),
        "night_activity_share": np.round(np.clip(rng.beta(*story.NIGHT_ACTIVITY_BETA, count)
                                                 + story.NIGHT_ACTIVITY_RISK_SLOPE * risk_z, 0, 1), 3),
        "browsing_interest": choice_rows(rng, np.where(agri[:, None], [by_key(story.BROWSING_INTEREST_AGRI, interests)],
                                                       [by_key(story.BROWSING_INTEREST_OTHER, interests)])),
    })
