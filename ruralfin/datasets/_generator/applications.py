"""贷款申请：申请、审批与续贷的链条（阶段 6），申请时的征信与走访（阶段 9），申请表（阶段 13）。"""

from __future__ import annotations

import numpy as np

from ...schema import CHANNELS, CUSTOMER_GROUPS, LOAN_PURPOSES
from .. import _story as story
from .._frames import build
from .common import (
    GROUP_CODE, LAST_MONTH, MONTH_STARTS, OBSERVED_MONTHS, OBSERVED_YEARS, PRE_HISTORY_MONTHS, by_key, category_code,
    choice_rows, group_codes, product_field, sigmoid,
)
from .loans import prob_bad_12m
from .state import (
    ApplicationChain, CreditFile, FlowFeatures, Household, IndustryCalendar, LoanPerformance, Loans, Population,
    Relationship, Sales, Timeline,
)

__all__ = ["make_application_chain", "make_credit_file", "make_applications"]


def make_application_chain(rng, population: Population, timeline: Timeline) -> ApplicationChain:
    """申请人首次申请后，获批的到期多数续贷、少数过一段时间再贷，被拒的有一部分再试。

    审批只看得到“审批评分”（真实风险加噪声），正处于违约或短期困境的申请一律拒绝。
    """
    applicants = np.flatnonzero(population.is_applicant)
    month = rng.integers(*story.FIRST_APPLICATION_MONTHS, len(applicants))
    product = _loan_product(rng, population.group[applicants], population.age[applicants],
                            timeline.circle_id[applicants] >= 0)
    max_amount = np.array([value or 0 for value in product_field("max_amount")], float)
    default_month, defaults = timeline.default_month, timeline.defaults
    rounds = []  # 每轮的数组字典
    entity, renewal, first = applicants, np.zeros(len(applicants), bool), np.ones(len(applicants), bool)
    previous_amount = np.full(len(applicants), np.nan)
    counter = 0
    while len(entity):
        live = month < OBSERVED_MONTHS
        entity, month, renewal, first, product, previous_amount = (
            values[live] for values in (entity, month, renewal, first, product, previous_amount))
        count = len(entity)
        if count == 0:
            break
        bank_score = story.BANK_SCORE_RISK_SLOPE * population.risk_z[entity] + rng.normal(0, story.BANK_SCORE_NOISE_SD, count)
        in_default = defaults[entity] & (default_month[entity] <= month)
        cures = timeline.cure_months[entity]
        in_distress = ((cures <= month[:, None]) & (month[:, None] < cures + timeline.cure_durations[entity])).any(axis=1)
        approved = (np.where(renewal, bank_score > story.RENEWAL_CUTOFF, bank_score > story.NEW_LOAN_CUTOFF)
                    & ~in_default & ~in_distress)
        application = np.arange(counter, counter + count)
        counter += count
        term = _loan_term(rng, product)
        reported_revenue = population.base_revenue[entity] * population.misreport_ratio[entity]
        request_low, request_high = (np.array([story.REQUEST_TO_REVENUE[g][i] for g in CUSTOMER_GROUPS])[population.group[entity]]
                                     for i in (0, 1))
        requested = np.where(np.isnan(previous_amount), reported_revenue * rng.uniform(request_low, request_high),
                             previous_amount * rng.uniform(*story.RENEWAL_REQUEST_GROWTH, count))
        requested = np.clip(np.where(requested < story.SMALL_REQUEST, np.round(requested * 2) / 2, np.round(requested)),
                            story.MIN_REQUEST, max_amount[product - 1])
        approved_amount = np.where(bank_score > story.FULL_AMOUNT_SCORE, requested,
                                   np.clip(np.round(requested * rng.uniform(*story.APPROVED_SHARE, count) * 2) / 2,
                                           story.MIN_REQUEST, None))
        rounds.append(dict(application=application, entity=entity, month=month, is_renewal=renewal, is_first=first,
                           product=product, term=term, requested=requested, approved_amount=approved_amount,
                           approved=approved, bank_score=bank_score))
        # 下一轮
        defaulted_in_term = approved & defaults[entity] & (default_month[entity] >= month) & (default_month[entity] < month + term)
        renew = approved & ~defaulted_in_term & (rng.random(count) < story.RENEWAL_RATE)
        again = approved & ~defaulted_in_term & ~renew & (rng.random(count) < story.NEW_LOAN_AFTER_REPAYMENT)
        retry = ~approved & ~in_default & (rng.random(count) < story.RETRY_AFTER_DECLINE)
        next_month = np.where(renew, month + term,
                              np.where(again, month + term + rng.integers(*story.GAP_BEFORE_NEW_LOAN, count),
                                       month + rng.integers(*story.GAP_BEFORE_RETRY, count)))
        goes_on = renew | again | retry
        previous_amount = np.where(renew, approved_amount, np.nan)[goes_on]
        first = (first & ~approved)[goes_on]
        renewal = renew[goes_on]
        entity, month, product = entity[goes_on], next_month[goes_on], product[goes_on]
    return ApplicationChain(**{key: np.concatenate([columns[key] for columns in rounds]) for key in rounds[0]})


def _loan_product(rng, group, age, in_circle):
    """申请人选的产品（见 ``LOAN_PRODUCT_BY_GROUP``）；一部分年轻的个体工商户申请创业担保贷款。"""
    count = len(group)
    draw = rng.random(count)
    product = np.zeros(count, dtype=int)
    for group_name, (share, first_choice, second_choice) in story.LOAN_PRODUCT_BY_GROUP.items():
        members = group == GROUP_CODE[group_name]
        product[members] = np.where(in_circle[members] | (draw[members] < share), first_choice, second_choice)
    business = group == GROUP_CODE["individual_business"]
    startup = business & (age < story.STARTUP_LOAN_MAX_AGE) & (rng.random(count) < story.STARTUP_LOAN_SHARE)
    product[startup] = story.STARTUP_LOAN_PRODUCT
    return product


def _loan_term(rng, product):
    """按产品的期限分布抽期限（月）。"""
    term = np.empty(len(product), dtype=int)
    draw = rng.random(len(product))
    for product_id, (terms, probs) in story.LOAN_TERMS.items():
        chosen = product == product_id
        term[chosen] = np.array(terms)[np.searchsorted(np.cumsum(probs), draw[chosen] * 0.999999, side="right")]
    return term


def make_credit_file(rng, population: Population, chain: ApplicationChain) -> CreditFile:
    """2023 年以后的申请：渠道、是否走访；按主体的走访评价、征信最长逾期、白户、查询次数、他行负债。"""
    n_entities = population.n_entities
    risk_z = population.risk_z
    window = np.flatnonzero(chain.month >= 0)
    entity = chain.entity[window]
    month = chain.month[window]
    count = len(window)
    recent = month > story.VALIDATION_LAST_MONTH
    drift = np.where(recent, 1.0, 0.0)
    channel_probs = np.tile(by_key(story.CHANNEL_SHARE, CHANNELS), (count, 1))
    channel_probs[recent] = by_key(story.CHANNEL_SHARE_RECENT, CHANNELS)
    channel = choice_rows(rng, channel_probs)
    visited = rng.random(count) < by_key(story.VISIT_RATE_BY_CHANNEL, CHANNELS)[channel]
    visit_latent = (story.VISIT_SCORE_MEAN - story.VISIT_SCORE_RISK_SLOPE * risk_z
                    + rng.normal(0, story.VISIT_SCORE_NOISE_SD, n_entities))
    visit_score = np.clip(np.round(visit_latent), *story.VISIT_SCORE_RANGE)
    has_delinquency = rng.random(n_entities) < sigmoid(story.BUREAU_DELINQUENCY_LOGIT
                                                       + story.BUREAU_DELINQUENCY_RISK_SLOPE * risk_z)
    severity = np.clip(np.round(rng.exponential(story.BUREAU_SEVERITY_SCALE, n_entities)
                                + story.BUREAU_SEVERITY_RISK_SLOPE * np.maximum(risk_z, 0)),
                       0, len(story.BUREAU_DPD_LEVELS) - 1)
    bureau_dpd = np.where(has_delinquency, np.array(story.BUREAU_DPD_LEVELS)[severity.astype(int)]
                          + rng.integers(*story.BUREAU_DPD_JITTER, n_entities), 0)
    thin_file = (rng.random(n_entities) < np.where(np.isin(population.group, group_codes(story.THIN_FILE_GROUPS)),
                                                   story.THIN_FILE_SHARE, story.THIN_FILE_SHARE_OTHER)) & ~has_delinquency
    inquiry_rate = np.exp(story.INQUIRY_LOG_MEAN + story.INQUIRY_RISK_SLOPE * risk_z)
    inquiries = rng.poisson(inquiry_rate[entity] * (1 + story.RECENT_INQUIRY_UPLIFT * drift))
    other_bank_debt = np.round(population.liabilities * np.where(
        population.main_bank == 0, rng.uniform(*story.OTHER_BANK_DEBT_SHARE_IF_MAIN, n_entities),
        rng.uniform(*story.OTHER_BANK_DEBT_SHARE, n_entities)), 2)
    application_id = np.full(len(chain.application), -1)
    application_id[window] = chain.application[window] - (chain.application[window].min() if count else 0) + 1
    return CreditFile(window=window, application_id=application_id, entity=entity, month=month, channel=channel,
                      visited=visited, inquiries=inquiries, visit_score=visit_score, bureau_dpd=bureau_dpd,
                      thin_file=thin_file, inquiry_rate=inquiry_rate, other_bank_debt=other_bank_debt)


def make_applications(rng, population: Population, relationship: Relationship, timeline: Timeline, sales: Sales,
                      chain: ApplicationChain, loans: Loans, performance: LoanPerformance, credit: CreditFile,
                      flows: FlowFeatures, calendar: IndustryCalendar) -> tuple[dict, Household]:
    """申请表与申请的真相；顺带抽取经营者的家庭与数字足迹（后面的软信息、外部数据也用）。

    强特征（走访评价、征信最长逾期）、中等（查询次数、流水趋势、日均存款、他行负债）、弱特征（经营年限、
    年龄、社保）和基本无用的（申请星期、时刻、家庭人口）混在一起，部分按真实情况缺失。
    """
    n_entities = population.n_entities
    age, group = population.age, population.group
    is_farmer = group == GROUP_CODE["farmer_household"]
    window, entity, month = credit.window, credit.entity, credit.month
    count = len(window)
    social_authorised = rng.random(n_entities) < story.SOCIAL_SECURITY_AUTH_SHARE
    social_months = np.where(social_authorised, np.clip(np.round(
        rng.gamma(*story.SOCIAL_SECURITY_MONTHS_GAMMA, n_entities) + story.SOCIAL_SECURITY_RISK_SLOPE * (-population.risk_z)),
        0, story.MAX_SOCIAL_SECURITY_MONTHS), np.nan)
    has_app = relationship.banks_with_us & (rng.random(n_entities) < np.clip(
        story.MOBILE_APP_SHARE_AT_30 - story.MOBILE_APP_AGE_SLOPE * (age - story.MOBILE_APP_AGE_CENTRE),
        *story.MOBILE_APP_SHARE_RANGE))
    typing = np.clip(story.TYPING_SPEED_AT_50 + story.TYPING_SPEED_AGE_SLOPE * (story.TYPING_SPEED_AGE_CENTRE - age)
                     + rng.normal(0, story.TYPING_SPEED_SD, n_entities), story.MIN_TYPING_SPEED, None)
    year_index = np.clip(month // 12 - 1, 0, OBSERVED_YEARS - 1)  # 申请时报上一年的营业收入
    reported_revenue = np.round(sales.yearly[entity, year_index] * population.misreport_ratio[entity], 2)
    owns_house = rng.random(n_entities) < (np.where(is_farmer, story.HOUSE_OWNERSHIP_FARMER, story.HOUSE_OWNERSHIP_OTHER)
                                           * sigmoid(story.HOUSE_LOGIT + story.HOUSE_QUALITY_SLOPE * population.quality)
                                           / sigmoid(story.HOUSE_LOGIT))
    owns_house = owns_house & (rng.random(n_entities) < story.HOUSE_RECORD_KEPT)
    household_size = np.clip(rng.poisson(story.HOUSEHOLD_EXTRA_MEMBERS, n_entities) + 1 + is_farmer,
                             *story.HOUSEHOLD_SIZE_RANGE)
    weekday = rng.integers(0, 7, count)
    weekday = np.where(rng.random(count) < story.WEEKDAY_SHARE,
                       np.minimum(weekday, story.LAST_WEEKDAY + (rng.random(count) < story.SATURDAY_SHARE)), weekday)
    mobile = credit.channel == CHANNELS.index("mobile_app")
    hour = np.clip(np.round(rng.normal(np.where(mobile, story.MOBILE_HOUR_MEAN_SD[0], story.COUNTER_HOUR_MEAN_SD[0]),
                                       np.where(mobile, story.MOBILE_HOUR_MEAN_SD[1], story.COUNTER_HOUR_MEAN_SD[1]))), 0, 23)
    approved = chain.approved[window]
    loan_index = loans.loan_of_application[window]
    loan_id = np.where(approved, loans.loan_id[loan_index.clip(0)], -1)
    loan_id = np.where(approved & (loan_index >= 0), loan_id, -1)
    observed = approved & (month <= story.VALIDATION_LAST_MONTH)
    bad_12m = np.where(observed, performance.bad_12m[loan_index.clip(0)].astype(float), np.nan)
    approved_rate = np.where(approved, loans.rate[loan_index.clip(0)], np.nan)
    application_date = (MONTH_STARTS[month + PRE_HISTORY_MONTHS]
                        + rng.integers(*story.DAY_OF_MONTH_RANGE, count).astype("timedelta64[D]"))
    sample = np.where(month <= story.DEVELOPMENT_LAST_MONTH, 0, np.where(month <= story.VALIDATION_LAST_MONTH, 1, 2))
    years_to_end = (LAST_MONTH - month) // 12  # 申请时比 2025 年末早几年
    tables = {}
    tables["applications"] = build("applications", {
        "application_id": credit.application_id[window],
        "entity_id": entity + 1, "application_date": application_date, "sample": sample,
        "product_id": chain.product[window], "channel": credit.channel,
        "requested_amount": chain.requested[window], "requested_term_months": chain.term[window],
        "purpose": choice_rows(rng, np.tile([by_key(story.APPLICATION_PURPOSE, LOAN_PURPOSES)], (count, 1))),
        "reported_revenue": reported_revenue,
        "existing_debt": np.round(credit.other_bank_debt[entity] * rng.uniform(*story.STATED_DEBT_RATIO, count), 2),
        "operator_age": np.clip(age[entity] - years_to_end, *story.APPLICATION_AGE_RANGE),
        "years_in_business": np.clip(population.years_in_business[entity] - years_to_end, 0, story.MAX_YEARS_IN_BUSINESS),
        "credit_inquiries_6m": np.minimum(credit.inquiries, story.MAX_REPORTED_COUNT),
        "max_dpd_24m": np.where(credit.thin_file[entity], np.nan, credit.bureau_dpd[entity]),
        "owns_house": owns_house[entity], "household_size": household_size[entity],
        "manager_visit_score": np.where(credit.visited, credit.visit_score[entity], np.nan),
        "deposit_avg_6m": flows.deposit_avg_6m, "flow_trend_6m": flows.flow_trend_6m,
        "social_security_months": np.clip(social_months[entity] - (LAST_MONTH - month), 0, story.MAX_SOCIAL_SECURITY_MONTHS),
        "typing_speed": np.where(has_app[entity] | mobile,
                                 np.round(typing[entity] + rng.normal(0, story.TYPING_SESSION_SD, count), 1), np.nan),
        "application_weekday": weekday, "application_hour": hour,
        "decision": np.where(approved, category_code("applications", "decision", "approved"),
                             category_code("applications", "decision", "declined")),
        "approved_amount": np.where(approved, chain.approved_amount[window], np.nan),
        "approved_rate": approved_rate,
        "loan_id": np.where(loan_id > 0, loan_id, np.nan),
        "bad_12m": bad_12m,
    })
    default_month = timeline.default_month[entity]
    truth_bad = (timeline.defaults[entity] & (default_month > month)
                 & (default_month <= month + story.TRUTH_BAD_MONTHS))
    prob_default_12m = prob_bad_12m(population, timeline, calendar.shock_profile, entity, month)
    tables["truth_applications"] = build("truth_applications", {
        "application_id": credit.application_id[window], "truth_prob_default": np.round(prob_default_12m, 5),
        "truth_bad_12m": truth_bad,
    })
    household = Household(social_security_months=social_months, has_mobile_app=has_app, typing_speed=typing,
                          owns_house=owns_house, household_size=household_size)
    return tables, household
