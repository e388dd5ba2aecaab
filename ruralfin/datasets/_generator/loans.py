"""贷款：放款与定价、违约处置（阶段 7），每笔贷款的月度表现（阶段 8），贷款表与真相（阶段 14），担保关系（阶段 15）。"""

from __future__ import annotations

import numpy as np

from ...schema import CUSTOMER_GROUPS, GUARANTEE_METHODS, LOAN_PURPOSES, VILLAGES, get_table
from .. import _story as story
from .._frames import build
from .common import (
    FLOAT32, GROUP_CODE, GUARANTEE_CODE, INDUSTRY_CODE, LAST_MONTH, MONTH_STARTS, NEVER, PRE_HISTORY_MONTHS,
    REPAYMENT_CODE, SUB_PARENT_CODE, by_key, category_code, choice_rows, expand_segments, group_codes, lpr, month_end,
    product_field, sub_codes,
)
from .state import (
    ApplicationChain, CreditFile, IndustryCalendar, LoanPerformance, Loans, Population, Relationship, Staffing, Timeline,
)

__all__ = ["make_loans", "make_loan_monthly", "make_loan_tables", "make_guarantees", "prob_bad_12m"]


def _product_codes(column, codes):
    return np.array([codes[value] if value else -1 for value in product_field(column)])


def _product_numbers(column):
    return np.array([value or 0 for value in product_field(column)])


def make_loans(rng, population: Population, timeline: Timeline, relationship: Relationship,
               chain: ApplicationChain) -> tuple[Loans, Relationship]:
    """获批的申请放款：期内的违约或短期困境、核销与重组、利率与授信、普惠与涉农标记；
    靠贷款进来的新客户从首笔贷款起成为我行客户（返回更新后的客户关系）。"""
    granted = chain.subset(chain.approved)
    n_loans = len(granted.application)
    entity, start, term, product = granted.entity, granted.month, granted.term, granted.product
    maturity = start + term
    # 贷款期间是否出现困境
    default_month = timeline.default_month[entity]
    defaults_in_term = (default_month > start) & (default_month < maturity)
    cures = timeline.cure_months[entity]
    cures_in_window = np.where((cures > start[:, None]) & (cures < maturity[:, None]), cures, NEVER)
    which = cures_in_window.argmin(axis=1)
    first_cure = cures_in_window[np.arange(n_loans), which]
    # 短期困境只有一部分拖欠到我行贷款（其余靠亲友周转按时还款），见 CURE_VISIBLE_SHARE
    cures_in_term = ~defaults_in_term & (first_cure < NEVER) & (rng.random(n_loans) < story.CURE_VISIBLE_SHARE)
    trouble_month = np.where(defaults_in_term, default_month, np.where(cures_in_term, first_cure, NEVER))
    cure_duration = timeline.cure_durations[entity, which]
    first_dpd = rng.integers(*story.FIRST_DPD_DAYS, n_loans)
    redefault_dpd = rng.integers(*story.FIRST_DPD_DAYS, n_loans)
    # 违约的处置：一部分重组（按新计划还清，或再次违约）；没重组的与再次违约的，核销或清收结清
    restructured = defaults_in_term & (rng.random(n_loans) < story.RESTRUCTURE_SHARE)
    restructure_month = np.where(restructured, trouble_month + rng.integers(*story.RESTRUCTURE_AFTER_MONTHS, n_loans), NEVER)
    redefaults = restructured & (rng.random(n_loans) < story.REDEFAULT_SHARE)
    redefault_month = np.where(redefaults, restructure_month + rng.integers(*story.REDEFAULT_AFTER_MONTHS, n_loans), NEVER)
    restructure_end = np.where(restructured, restructure_month + rng.integers(*story.RESTRUCTURE_TERM_MONTHS, n_loans), NEVER)
    unresolved = defaults_in_term & (~restructured | redefaults)
    resolution_start = np.where(redefaults, redefault_month, trouble_month)
    written_off = unresolved & (rng.random(n_loans) < story.WRITE_OFF_SHARE)
    write_off_month = np.where(written_off, resolution_start + rng.integers(*story.WRITE_OFF_AFTER_MONTHS, n_loans), NEVER)
    collected_month = np.where(unresolved & ~written_off,
                               resolution_start + rng.integers(*story.COLLECTION_AFTER_MONTHS, n_loans), NEVER)
    recovered = written_off & (rng.random(n_loans) < story.RECOVERY_SHARE)
    recovery_month = write_off_month + rng.integers(*story.RECOVERY_AFTER_MONTHS, n_loans)
    recovery_share = np.where(recovered & (recovery_month <= LAST_MONTH), rng.uniform(*story.RECOVERY_FRACTION, n_loans), 0.0)
    cure_end = np.where(cures_in_term, trouble_month + cure_duration, NEVER)
    # 短期困境后调整还款计划（因财务困难调整合同，也是重组）：恢复当月起进入重组观察期
    cure_restructured = cures_in_term & (rng.random(n_loans) < story.CURE_RESTRUCTURE_SHARE)
    # 调整还款计划的，剩余本金按新计划还到观察期结束（展期），其余短期困境的在恢复后按原计划还
    performing_end = np.where(cures_in_term, np.maximum(maturity, cure_end), maturity)
    performing_end = np.where(cure_restructured,
                              np.maximum(performing_end, cure_end + story.RESTRUCTURE_OBSERVATION_MONTHS), performing_end)
    # 核销、清收结清的最后一个在账月是处置前一个月（处置当月起不在月度表）；重组还清的在还清当月余额为 0
    default_end = np.select([written_off, collected_month < NEVER], [write_off_month - 1, collected_month - 1],
                            np.where(restructured, restructure_end, NEVER))
    last_month = np.where(defaults_in_term, default_end, performing_end)
    closed_month = np.where(defaults_in_term, np.select([written_off, collected_month < NEVER],
                                                        [write_off_month, collected_month], default_end), performing_end)
    # 只保留 2023 年以后仍在账的贷款
    on_book = last_month >= 0
    kept = np.flatnonzero(on_book)
    loan_id = np.full(n_loans, -1)
    loan_id[kept] = np.arange(1, len(kept) + 1)
    # 金额、利率、方式
    repayment = _product_codes("repayment_method", REPAYMENT_CODE)[product - 1]
    guarantee = _product_codes("guarantee_method", GUARANTEE_CODE)[product - 1]
    group = population.group[entity]
    rate = _contract_rate(rng, start, group, guarantee, granted.bank_score, product)
    amount = granted.approved_amount
    credit_line = np.where(repayment == REPAYMENT_CODE["revolving"], amount,
                           np.round(amount * rng.uniform(*story.CREDIT_LINE_TO_LOAN, n_loans)))
    micro = group == GROUP_CODE["rural_micro"]
    credit_line = np.where(micro & (rng.random(n_loans) < story.LARGE_LINE_SHARE),
                           np.round(credit_line * rng.uniform(*story.LARGE_LINE_MULTIPLE, n_loans)), credit_line)
    is_inclusive = ((np.isin(group, group_codes(story.INCLUSIVE_MICRO_ENTERPRISE_GROUPS))
                     & (population.enterprise_size[entity] <= story.INCLUSIVE_MAX_ENTERPRISE_SIZE)
                     | (group == GROUP_CODE["individual_business"])) & (credit_line <= story.INCLUSIVE_MAX_CREDIT_LINE))
    sub = population.sub_industry[entity]
    agri_production = SUB_PARENT_CODE[sub] == INDUSTRY_CODE["agri_production"]
    # 涉农：农村区域的借款主体（农户、农村企业及各类组织）全额计入；城市区域的只计农林牧渔和支农用途
    is_agri = ~population.in_urban_area[entity] | agri_production | np.isin(sub, sub_codes(story.AGRI_PURPOSE_SUBS))
    household = ~population.is_organisation[entity]
    is_inclusive_agri = is_agri & (credit_line <= np.where(household, story.INCLUSIVE_AGRI_MAX_LINE_HOUSEHOLD,
                                                           story.INCLUSIVE_AGRI_MAX_LINE_ORGANISATION))
    purpose = choice_rows(rng, np.where(agri_production[:, None], [by_key(story.LOAN_PURPOSE_AGRI, LOAN_PURPOSES)],
                                        [by_key(story.LOAN_PURPOSE_OTHER, LOAN_PURPOSES)]))
    application_index = np.flatnonzero(chain.approved)
    loan_of_application = np.full(len(chain.application), -1)
    loan_of_application[application_index] = np.arange(n_loans)
    loans = Loans(
        application_index=application_index, loan_of_application=loan_of_application, entity=entity,
        origination_month=start, term=term, maturity_month=maturity, product=product, amount=amount,
        is_renewal=granted.is_renewal, is_first=granted.is_first, defaults_in_term=defaults_in_term,
        cures_in_term=cures_in_term, trouble_month=trouble_month, cure_end_month=cure_end, first_dpd_days=first_dpd,
        redefault_dpd_days=redefault_dpd, restructured=restructured | cure_restructured,
        restructure_month=np.where(cure_restructured, cure_end, restructure_month),
        redefault_month=redefault_month, restructure_end_month=restructure_end, written_off=written_off,
        recovery_share=recovery_share, last_month=last_month, closed_month=closed_month, on_book=on_book, kept=kept,
        loan_id=loan_id, repayment=repayment, guarantee=guarantee, rate=rate, credit_line=credit_line,
        is_inclusive=is_inclusive, is_agri=is_agri, is_inclusive_agri=is_inclusive_agri, purpose=purpose,
    )
    # 没在我行开户、靠贷款进来的新客户：首笔贷款当月起成为我行客户
    n_entities = population.n_entities
    got_loan = np.zeros(n_entities, bool)
    got_loan[entity] = True
    new_customer = got_loan & ~relationship.banks_with_us
    first_loan = np.full(n_entities, NEVER)
    np.minimum.at(first_loan, entity, start)
    customer_since = np.where(new_customer, first_loan, relationship.customer_since_month)
    share_of_wallet = np.where(new_customer, rng.beta(*story.NEW_CUSTOMER_WALLET_BETA, n_entities),
                               relationship.share_of_wallet)
    relationship = Relationship(banks_with_us=relationship.banks_with_us | got_loan, share_of_wallet=share_of_wallet,
                                customer_since_month=customer_since)
    return loans, relationship


def _contract_rate(rng, start, group, guarantee, bank_score, product):
    """合同利率 = 放款当月 1 年期 LPR + 客群加点 + 担保方式加点 + 风险加点 + 随机部分（见 ``RATE_SPREAD_BY_GROUP``）。

    取到 0.05 个百分点，不超出产品利率区间（区间按 LPR 3.45% 报价，随 LPR 平移）。
    """
    base = lpr(start)
    group_spread = by_key(story.RATE_SPREAD_BY_GROUP, CUSTOMER_GROUPS)[group]
    guarantee_spread = by_key(story.RATE_SPREAD_BY_GUARANTEE, GUARANTEE_METHODS)[guarantee]
    risk_spread = np.clip(-story.RATE_RISK_SLOPE * bank_score, *story.RATE_RISK_RANGE)
    rate = base + group_spread + guarantee_spread + risk_spread + rng.normal(0, story.RATE_NOISE_SD, len(start))
    shift = base - story.RATE_REFERENCE_LPR
    rate = np.clip(rate, _product_numbers("rate_min")[product - 1] + shift, _product_numbers("rate_max")[product - 1] + shift)
    return np.round(rate * story.RATE_STEPS_PER_POINT) / story.RATE_STEPS_PER_POINT


def make_loan_monthly(rng, population: Population, loans: Loans):
    """每笔在账贷款每月一行：余额、逾期天数、应还与实还（逾期恢复的当月补缴欠款）、是否重组。

    返回 (loan_monthly 表, 观察到的表现)。
    """
    start = loans.origination_month
    first_row = np.maximum(start, 0)
    n_rows = np.where(loans.on_book, np.minimum(loans.last_month, LAST_MONTH) - first_row + 1, 0)
    n_rows = np.maximum(n_rows, 0)
    row_loan, within = expand_segments(n_rows)
    month = first_row[row_loan] + within
    months_on_book = month - start[row_loan]
    trouble = loans.trouble_month[row_loan]
    defaulting = loans.defaults_in_term[row_loan]
    restructure, redefault = loans.restructure_month[row_loan], loans.redefault_month[row_loan]  # 违约贷款的重组
    in_default = defaulting & (month >= trouble) & ~((month >= restructure) & (month < redefault))
    dpd = np.zeros(len(row_loan), dtype=np.int64)
    dpd = np.where(in_default & (month < restructure), loans.first_dpd_days[row_loan] + story.DPD_PER_MONTH * (month - trouble), dpd)
    dpd = np.where(defaulting & (month >= redefault),
                   loans.redefault_dpd_days[row_loan] + story.DPD_PER_MONTH * (month - redefault), dpd)
    in_cure = loans.cures_in_term[row_loan] & (month >= trouble) & (month < loans.cure_end_month[row_loan])
    dpd = np.where(in_cure, loans.first_dpd_days[row_loan] + story.DPD_PER_MONTH * (month - trouble), dpd)
    # 重组还清的当月不再逾期（余额为 0）
    settled = defaulting & (month == loans.restructure_end_month[row_loan]) & (month < redefault)
    dpd = np.where(settled, 0, dpd)
    prob_late = story.LATE_PAYMENT_BASE + story.LATE_PAYMENT_PD_SLOPE * population.prob_default[loans.entity][row_loan]
    late = ((dpd == 0) & (months_on_book >= 1) & (month < loans.maturity_month[row_loan])
            & (rng.random(len(row_loan)) < prob_late))
    dpd = np.where(late, rng.integers(*story.LATE_PAYMENT_DAYS, len(row_loan)), dpd)
    # 违约或短期困境期间余额停在出事前一个月
    frozen = defaulting & (month >= trouble)
    trouble_age = trouble - start[row_loan]
    months_paid = np.where(frozen, trouble_age - 1, np.where(in_cure, trouble_age - 1, months_on_book))
    # 短期困境后调整还款计划的：剩余的还款计划拉长到新的结清月
    rescheduled = loans.restructured[row_loan] & ~defaulting & (month >= restructure)
    new_end = loans.last_month[row_loan]
    term_left = loans.term[row_loan] - (trouble_age - 1)
    months_paid = np.where(rescheduled, trouble_age - 1 + (month - restructure + 1) * term_left
                           / np.maximum(new_end - restructure + 1, 1), months_paid)
    del new_end, term_left
    del trouble, in_default, in_cure, prob_late, late, frozen, trouble_age
    term = loans.term[row_loan]
    amount = loans.amount[row_loan].astype(float)
    monthly_rate = loans.rate[row_loan] / 1200.0
    method = loans.repayment[row_loan]
    utilisation = np.clip(rng.beta(*story.REVOLVING_USE_BETA, loans.n_loans), *story.REVOLVING_USE_RANGE)[row_loan]

    def balance_after(paid_months):
        paid_months = np.clip(paid_months, 0, None)
        annuity = (amount * ((1 + monthly_rate) ** term - (1 + monthly_rate) ** np.minimum(paid_months, term))
                   / ((1 + monthly_rate) ** term - 1))
        linear = amount * np.clip(1 - paid_months / term, 0, 1)
        bullet = np.where(paid_months < term, amount, 0.0)
        swing = np.exp(story.REVOLVING_SWING * np.sin(paid_months * story.REVOLVING_SWING_FREQUENCY + row_loan))
        revolving = np.where(paid_months < term, amount * np.clip(utilisation * swing, story.REVOLVING_MIN_USE, 1.0), 0.0)
        return np.select([method == REPAYMENT_CODE["equal_instalment"], method == REPAYMENT_CODE["equal_principal"],
                          method == REPAYMENT_CODE["revolving"]], [annuity, linear, revolving], bullet)

    balance = balance_after(months_paid)
    balance = np.where(months_on_book == 0, amount, balance)
    # 重组后按新计划等额还本（再次违约后余额停住），清收结清、重组还清的当月余额为 0
    plan_end = loans.restructure_end_month[row_loan]
    repaying = defaulting & (month >= restructure)
    paid_share = np.clip((np.minimum(month, redefault) - restructure) / np.maximum(plan_end - restructure, 1), 0, 1)
    balance = np.where(repaying, balance * (1 - paid_share), balance)
    balance = np.where(settled, 0.0, balance)
    previous_balance = np.r_[0.0, balance[:-1]]
    previous = balance_after(months_on_book - 1)
    current = balance_after(months_on_book)
    scheduled = np.where((months_on_book >= 1) & (months_on_book <= term),
                         previous * monthly_rate + np.maximum(previous - current, 0), 0.0)
    restructured_plan = (repaying & (month > restructure) & (month < redefault)) | (rescheduled & (months_on_book >= 1))
    scheduled = np.where(restructured_plan, previous_balance * monthly_rate + np.maximum(previous_balance - balance, 0),
                         scheduled)
    missed = np.where(dpd > 0, scheduled, 0.0)
    paid = np.where(dpd > 0, 0.0, scheduled)
    # 逾期后恢复正常的当月补缴欠款：同一笔贷款内，上一个正常月份以来的累计欠款
    cum_missed = np.cumsum(missed)
    loan_first_row = np.r_[0, np.cumsum(n_rows)[:-1]][row_loan]
    missed_before = cum_missed - missed
    is_current = dpd == 0
    position = np.arange(len(row_loan))
    last_current = np.maximum.accumulate(np.where(is_current | (position == loan_first_row), position, 0))
    previous_current = np.r_[0, last_current[:-1]]
    previous_current = np.where(position == loan_first_row, position, previous_current)
    arrears = np.where(is_current & (position > loan_first_row),
                       missed_before - np.where(is_current[previous_current] & (previous_current < position),
                                                cum_missed[previous_current], missed_before[previous_current]), 0.0)
    paid = paid + np.where(is_current, np.maximum(arrears, 0), 0.0)
    restructured = (loans.restructured[row_loan] & (month >= restructure)
                    & (month < restructure + story.RESTRUCTURE_OBSERVATION_MONTHS))
    del defaulting, restructure, redefault, plan_end, repaying, paid_share, previous_balance, restructured_plan, settled
    del rescheduled
    del months_paid, term, amount, monthly_rate, method, utilisation, previous, current, missed, cum_missed
    del loan_first_row, missed_before, is_current, position, last_current, previous_current, arrears
    table = build("loan_monthly", {
        "loan_id": loans.loan_id[row_loan], "entity_id": loans.entity[row_loan] + 1, "month": month_end(month),
        "months_on_book": months_on_book,
        "balance": np.round(np.maximum(balance, 0), 4).astype(FLOAT32), "days_past_due": dpd,
        "scheduled_payment": np.round(scheduled, 4).astype(FLOAT32), "paid_amount": np.round(paid, 4).astype(FLOAT32),
        "is_restructured": restructured,
    })
    del balance, scheduled, paid, restructured
    # 观察到的表现：放款后 12 个月内 90 天以上逾期、第一次 90 天以上逾期的月份
    npl = dpd > story.NPL_DAYS
    bad_12m = np.zeros(loans.n_loans, bool)
    np.logical_or.at(bad_12m, row_loan[npl & (months_on_book <= story.BAD_WINDOW_MONTHS)], True)
    first_npl = np.full(loans.n_loans, NEVER)
    np.minimum.at(first_npl, row_loan[npl], month[npl])
    last_balance = np.zeros(loans.n_loans)
    ends = np.cumsum(n_rows) - 1
    has_rows = n_rows > 0
    last_balance[has_rows] = table["balance"].to_numpy()[ends[has_rows]]
    return table, LoanPerformance(bad_12m=bad_12m, first_npl_month=first_npl, last_balance=last_balance)


def make_loan_tables(rng, population: Population, timeline: Timeline, calendar: IndustryCalendar, staffing: Staffing,
                     loans: Loans, performance: LoanPerformance, credit: CreditFile) -> dict:
    """贷款表（2023 年以后仍在账的）与贷款的真相（放款时的真实违约概率、是否及何时违约）。"""
    kept = loans.kept
    entity = loans.entity[kept]
    start = loans.origination_month[kept]
    origination = (MONTH_STARTS[start + PRE_HISTORY_MONTHS]
                   + rng.integers(*story.DAY_OF_MONTH_RANGE, len(kept)).astype("timedelta64[D]"))
    application_id = credit.application_id[loans.application_index[kept]]
    origination_month = origination.astype("datetime64[M]")
    maturity = ((origination_month + loans.term[kept].astype("timedelta64[M]")).astype("datetime64[D]")
                + (origination.astype("datetime64[D]") - origination_month.astype("datetime64[D]")))
    closed = loans.closed_month[kept]
    written_off = loans.written_off[kept] & (closed <= LAST_MONTH)
    closed_date = np.where(closed <= LAST_MONTH, month_end(np.clip(closed, -PRE_HISTORY_MONTHS, LAST_MONTH)),
                           np.datetime64("NaT"))
    tables = {}
    tables["loans"] = build("loans", {
        "loan_id": loans.loan_id[kept], "entity_id": entity + 1,
        "application_id": np.where(application_id > 0, application_id, np.nan),
        "product_id": loans.product[kept], "branch_id": staffing.entity_branch[entity],
        "manager_id": staffing.entity_manager[entity],
        "origination_date": origination, "maturity_date": maturity.astype("datetime64[us]"),
        "term_months": loans.term[kept], "loan_amount": loans.amount[kept], "contract_rate": loans.rate[kept],
        "repayment_method": loans.repayment[kept], "guarantee_method": loans.guarantee[kept],
        "borrower_credit_line": loans.credit_line[kept], "is_inclusive_micro": loans.is_inclusive[kept],
        "is_agri_related": loans.is_agri[kept], "is_inclusive_agri": loans.is_inclusive_agri[kept],
        "is_renewal": loans.is_renewal[kept], "is_first_loan": loans.is_first[kept], "purpose": loans.purpose[kept],
        "closed_date": closed_date, "is_written_off": written_off,
        "written_off_amount": np.where(written_off, np.round(performance.last_balance[kept], 4), np.nan),
        "recovered_after_write_off": np.where(
            written_off, np.round(performance.last_balance[kept] * loans.recovery_share[kept], 4), np.nan),
    })
    prob_default = prob_bad_12m(population, timeline, calendar.shock_profile, entity, start)
    first_npl = performance.first_npl_month[kept]
    tables["truth_loans"] = build("truth_loans", {
        "loan_id": loans.loan_id[kept], "truth_prob_default": np.round(np.clip(prob_default, 0, 1), 5),
        "truth_default": first_npl < NEVER,
        "truth_default_month": np.where(first_npl < NEVER, month_end(np.clip(first_npl, -PRE_HISTORY_MONTHS, LAST_MONTH)),
                                        np.datetime64("NaT")),
    })
    return tables


#: 违约事件后要几个月逾期天数才超过 90 天（第一个月至少 1 天，之后每月加 30 天）
NPL_LAG_MONTHS = -(-(story.NPL_DAYS + 1 - story.FIRST_DPD_DAYS[0]) // story.DPD_PER_MONTH)


def prob_bad_12m(population: Population, timeline: Timeline, shock_profile, entity, start):
    """真实的 bad_12m 概率：放款（申请）后第 1 至第 12 − 3 个月里出现违约事件（之后 3 个月内必然超过 90 天）。

    与阶段 2 抽违约事件用的是同一个月度风险（含行业冲击期的提升），所以在已观察满 12 个月的申请上，
    真实违约概率的均值与实际的 bad_12m 比例只差抽样误差（担保圈传染、恢复后的间隔期略有出入）。
    """
    window = story.BAD_WINDOW_MONTHS - NPL_LAG_MONTHS
    cumulative = np.c_[np.zeros(shock_profile.shape[0]), np.cumsum(shock_profile, axis=1)]
    low = np.clip(start + PRE_HISTORY_MONTHS + 1, 0, cumulative.shape[1] - 1)
    high = np.clip(start + PRE_HISTORY_MONTHS + 1 + window, 0, cumulative.shape[1] - 1)
    shock_months = cumulative[population.sub_industry[entity], high] - cumulative[population.sub_industry[entity], low]
    exposure = window + story.SHOCK_HAZARD_UPLIFT * timeline.capped_sensitivity[entity] * shock_months
    return 1 - np.exp(-timeline.monthly_hazard[entity] * population.prob_roll[entity] * exposure)


def make_guarantees(rng, population: Population, timeline: Timeline, loans: Loans):
    """保证类贷款的保证人：担保圈成员由圈内下一户互保，其他的由同村随机一位担保。"""
    kept = loans.kept
    guaranteed = kept[loans.guarantee[kept] == GUARANTEE_CODE["guarantee"]]
    borrower = loans.entity[guaranteed]
    in_circle = timeline.circle_next[borrower] >= 0
    village = population.village
    n_villages = len(VILLAGES)
    by_village = np.argsort(village, kind="stable")
    village_start = np.searchsorted(village[by_village], np.arange(n_villages))
    village_count = np.bincount(village, minlength=n_villages)
    home = village[borrower]
    pick = by_village[village_start[home] + (rng.random(len(borrower)) * village_count[home]).astype(int)]
    pick = np.where(pick == borrower,
                    by_village[village_start[home] + (np.arange(len(borrower)) % np.maximum(village_count[home], 1))], pick)
    guarantor = np.where(in_circle, timeline.circle_next[borrower], pick)
    valid = guarantor != borrower
    relations = get_table("guarantees").column("guarantor_relation").categories
    relation = np.where(in_circle, category_code("guarantees", "guarantor_relation", "mutual"),
                        choice_rows(rng, np.tile([by_key(story.GUARANTOR_RELATION, relations)], (len(borrower), 1))))
    return build("guarantees", {
        "loan_id": loans.loan_id[guaranteed][valid], "entity_id": borrower[valid] + 1, "guarantor_id": guarantor[valid] + 1,
        "guarantee_amount": loans.amount[guaranteed][valid], "guarantor_relation": relation[valid],
    })
