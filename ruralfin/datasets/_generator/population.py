"""地理与经营主体：乡镇和村（阶段 0）、主体的属性与隐藏特质（阶段 1）、主体表与村表（阶段 16）、主体的真相。"""

from __future__ import annotations

import numpy as np

from ...schema import AS_OF, CUSTOMER_GROUPS, INDUSTRIES, SUB_INDUSTRIES, TOWNSHIPS, VILLAGES, VILLAGES_PER_TOWNSHIP
from .. import _story as story
from .._frames import build
from .common import (
    GROUP_CODE, INDUSTRY_CODE, LAST_MONTH, MONTH_STARTS, NEVER, N_SUB, OBSERVED_MONTHS, PRE_HISTORY_MONTHS,
    SIMULATION_START, SUB_CODE, by_key, choice_rows, group_codes, sigmoid, sub_codes,
)
from .names import entity_names, person_names
from .state import EntityRecords, Geography, Loans, Population, Relationship, Sales, Staffing

__all__ = ["make_geography", "make_population", "make_entity_tables", "make_truth_entities", "SUB_INDUSTRY_PROBS"]

#: 统一社会信用代码第 2 位（机构类别）：个体工商户 2、农民专业合作社 3、其余企业 1（农户没有信用代码）
_CREDIT_CODE_CATEGORY = {"individual_business": "2", "coop": "3"}


def _sub_industry_probs() -> np.ndarray:
    probs = np.zeros((len(INDUSTRIES), N_SUB))
    for industry, shares in story.INDUSTRY_SUB.items():
        for sub, share in shares.items():
            probs[INDUSTRY_CODE[industry], SUB_CODE[sub]] = share
    return probs


SUB_INDUSTRY_PROBS = _sub_industry_probs()  # (行业, 细分行业)：行业内各细分行业的份额


def make_geography(rng) -> Geography:
    """乡镇经济效应、村的规模、到网点的距离、是否信用村。"""
    n_villages = len(VILLAGES)
    village_township = np.arange(n_villages) // VILLAGES_PER_TOWNSHIP
    township_effect = rng.normal(0, 1, len(TOWNSHIPS))
    township_effect[0] = story.SEAT_TOWNSHIP_EFFECT
    seat = village_township == 0
    village_weight = rng.gamma(*story.VILLAGE_SIZE_GAMMA, n_villages) * np.where(seat, story.SEAT_VILLAGE_SIZE_FACTOR, 1.0)
    distance = np.round(np.where(seat, rng.uniform(*story.SEAT_VILLAGE_DISTANCE_KM, n_villages),
                                 rng.uniform(*story.VILLAGE_DISTANCE_KM, n_villages)), 1)
    is_credit_village = rng.random(n_villages) < sigmoid(
        story.CREDIT_VILLAGE_LOGIT + story.CREDIT_VILLAGE_TOWNSHIP_SLOPE * township_effect[village_township])
    return Geography(township_effect=township_effect, village_township=village_township, village_weight=village_weight,
                     village_distance_km=distance, is_credit_village=is_credit_village)


def make_population(rng, n_entities: int, geography: Geography) -> tuple[Population, Relationship]:
    """客群、行业、村、经营者、规模、隐藏特质（经营质量、诚信度、冲击敏感度）、违约倾向、与我行的关系。"""
    group = rng.choice(len(CUSTOMER_GROUPS), size=n_entities,
                       p=by_key(story.GROUP_SHARE, CUSTOMER_GROUPS) / sum(story.GROUP_SHARE.values()))
    group_industry = np.array([story.GROUP_INDUSTRY[name] for name in CUSTOMER_GROUPS])
    industry = choice_rows(rng, group_industry[group])
    sub = choice_rows(rng, SUB_INDUSTRY_PROBS[industry])
    village = rng.choice(len(VILLAGES), size=n_entities, p=geography.village_weight / geography.village_weight.sum())
    township = geography.village_township[village]
    township_effect = geography.township_effect[township]
    age = np.clip(np.round(rng.normal(by_key(story.AGE_MEAN, CUSTOMER_GROUPS)[group], story.AGE_SD)),
                  *story.OPERATOR_AGE_RANGE).astype(int)
    is_female = rng.random(n_entities) < np.where(np.isin(sub, sub_codes(story.FEMALE_LED_SUBS)),
                                         story.FEMALE_SHARE_FEMALE_LED, story.FEMALE_SHARE_OTHER)
    is_organisation = np.isin(group, group_codes(story.ORGANISATION_GROUPS))
    education_latent = (story.EDUCATION_AGE_SLOPE * (age - story.EDUCATION_AGE_CENTRE)
                        + story.EDUCATION_ORGANISATION_EFFECT * is_organisation
                        + story.EDUCATION_TOWNSHIP_EFFECT * township_effect + rng.normal(0, 1, n_entities))
    education = np.searchsorted(np.quantile(education_latent, story.EDUCATION_CUT_QUANTILES), education_latent)
    education_z = (education - education.mean()) / (education.std() + 1e-9)
    quality = (story.QUALITY_TOWNSHIP_WEIGHT * township_effect + story.QUALITY_EDUCATION_WEIGHT * education_z
               + story.QUALITY_NOISE_WEIGHT * rng.normal(0, 1, n_entities))
    integrity = np.clip(rng.beta(*story.INTEGRITY_BETA, n_entities) + story.INTEGRITY_QUALITY_SLOPE * quality
                        + story.CREDIT_VILLAGE_INTEGRITY * geography.is_credit_village[village],
                        *story.INTEGRITY_RANGE)
    sensitivity = rng.gamma(*story.SHOCK_SENSITIVITY_GAMMA, n_entities)
    sub_scale = np.array([story.SUB_REVENUE_SCALE.get(name, 1.0) for name in SUB_INDUSTRIES])
    revenue_median = by_key(story.REVENUE_MEDIAN, CUSTOMER_GROUPS)[group]
    base_revenue = (revenue_median * sub_scale[sub]
                    * np.exp(by_key(story.REVENUE_SIGMA, CUSTOMER_GROUPS)[group] * rng.normal(0, 1, n_entities)
                             + story.REVENUE_QUALITY_SLOPE * quality))
    employees = 1 + rng.poisson((by_key(story.EMPLOYEES_MEAN, CUSTOMER_GROUPS)[group] - 1)
                                * np.sqrt(base_revenue / revenue_median))
    years_in_business = np.minimum(age - story.ADULT_AGE, np.round(rng.gamma(*story.YEARS_IN_BUSINESS_GAMMA, n_entities))).astype(int)
    leverage = np.clip(rng.beta(*story.LEVERAGE_BETA, n_entities) - story.LEVERAGE_QUALITY_SLOPE * quality, 0.0, story.MAX_LEVERAGE)
    assets = np.round(base_revenue * by_key(story.ASSETS_TO_REVENUE, CUSTOMER_GROUPS)[group]
                      * np.exp(rng.normal(0, story.ASSETS_LOG_SD, n_entities)), 2)
    liabilities = np.round(assets * leverage, 2)
    micro_limit, small_limit = story.ENTERPRISE_SIZE_REVENUE
    enterprise_size = np.where(is_organisation, np.where(base_revenue < micro_limit, 0, np.where(base_revenue < small_limit, 1, 2)), -1)
    leverage_z = (leverage - story.LEVERAGE_MEAN_SD[0]) / story.LEVERAGE_MEAN_SD[1]
    integrity_z = (integrity - story.INTEGRITY_MEAN_SD[0]) / story.INTEGRITY_MEAN_SD[1]
    logit_default = (story.DEFAULT_LOGIT_INTERCEPT - story.DEFAULT_LOGIT_QUALITY * quality
                     - story.DEFAULT_LOGIT_INTEGRITY * integrity_z + story.DEFAULT_LOGIT_LEVERAGE * leverage_z
                     + by_key(story.GROUP_RISK, CUSTOMER_GROUPS)[group]
                     + story.SUB_RISK_WEIGHT * by_key(story.SUB_RISK, SUB_INDUSTRIES)[sub])
    risk_z = (logit_default - logit_default.mean()) / logit_default.std()
    prob_default = sigmoid(logit_default)
    prob_distress = sigmoid(logit_default + story.DISTRESS_LOGIT_SHIFT)
    prob_roll = prob_default / prob_distress
    distance_km = geography.village_distance_km[village]
    prob_us = np.clip(by_key(story.BANKS_WITH_US, CUSTOMER_GROUPS)[group] + story.BANKS_WITH_US_QUALITY * quality
                      - story.BANKS_WITH_US_DISTANCE_PENALTY * (distance_km - story.BANKS_WITH_US_DISTANCE_CENTRE_KM)
                      + story.BANKS_WITH_US_CREDIT_VILLAGE * geography.is_credit_village[village],
                      *story.BANKS_WITH_US_RANGE)
    banks_with_us = rng.random(n_entities) < prob_us
    peers = list(story.PEER_MAIN)
    peer_pick = rng.choice(len(peers), size=n_entities, p=by_key(story.PEER_MAIN, peers) / sum(story.PEER_MAIN.values()))
    main_bank = np.where(banks_with_us & (rng.random(n_entities) < story.MAIN_BANK_IF_CUSTOMER), 0, 1 + peer_pick)
    share_of_wallet = np.where(main_bank == 0, rng.beta(*story.WALLET_SHARE_MAIN_BETA, n_entities),
                               rng.beta(*story.WALLET_SHARE_SECONDARY_BETA, n_entities))
    share_of_wallet = np.where(banks_with_us, share_of_wallet, 0.0)
    credit_demand = rng.random(n_entities) < by_key(story.CREDIT_DEMAND, CUSTOMER_GROUPS)[group]
    # 申请人：已在我行开户的有需求主体为主，也有一部分新客户通过贷款进入我行
    is_applicant = credit_demand & np.where(
        banks_with_us, rng.random(n_entities) < np.where(main_bank == 0, story.APPLY_IF_MAIN_BANK, story.APPLY_IF_ACCOUNT),
        rng.random(n_entities) < story.APPLY_IF_NOT_CUSTOMER)
    # 虚报：诚信度低的更可能把收入报高
    is_misreporter = rng.random(n_entities) < sigmoid((story.MISREPORT_INTEGRITY_THRESHOLD - integrity) * story.MISREPORT_STEEPNESS)
    misreport_ratio = np.where(is_misreporter, story.MISREPORT_MIN_RATIO + rng.gamma(*story.MISREPORT_EXCESS_GAMMA, n_entities),
                               np.exp(rng.normal(*story.HONEST_REPORT_LOG_MEAN_SD, n_entities)))
    misreport_ratio = np.round(misreport_ratio, 3)
    joined = np.round(-story.CUSTOMER_TENURE_MONTHS * rng.beta(*story.CUSTOMER_TENURE_BETA, n_entities)
                      + story.RECENT_JOINER_SHIFT_MONTHS * (rng.random(n_entities) < story.RECENT_JOINER_SHARE) * rng.random(n_entities))
    customer_since = np.where(banks_with_us, np.minimum(LAST_MONTH, joined.astype(int)), NEVER)
    customer_since = np.where(banks_with_us & (rng.random(n_entities) < story.NEW_CUSTOMER_SHARE),
                              rng.integers(0, OBSERVED_MONTHS, n_entities), customer_since)
    # 少报：一部分虚报者把收入报低（抽样放在本阶段最后，不改变前面的抽样）
    under = is_misreporter & (rng.random(n_entities) < by_key(story.UNDER_REPORT_SHARE, CUSTOMER_GROUPS)[group])
    misreport_ratio = np.where(under, np.round(rng.uniform(*story.UNDER_REPORT_RATIO, n_entities), 3), misreport_ratio)
    population = Population(
        group=group, industry=industry, sub_industry=sub, village=village, township=township, age=age,
        is_female=is_female, is_organisation=is_organisation, education=education, quality=quality,
        integrity=integrity, integrity_z=integrity_z, shock_sensitivity=sensitivity, base_revenue=base_revenue,
        employees=employees, years_in_business=years_in_business, leverage=leverage, assets=assets,
        liabilities=liabilities, enterprise_size=enterprise_size, risk_z=risk_z, prob_default=prob_default,
        prob_distress=prob_distress, prob_roll=prob_roll, main_bank=main_bank, credit_demand=credit_demand,
        is_applicant=is_applicant, is_misreporter=is_misreporter, misreport_ratio=misreport_ratio,
        # 最后才抽：前面各项的随机数不受影响
        in_urban_area=(township == 0) & (rng.random(n_entities)
                                         < by_key(story.URBAN_AREA_SHARE_IN_SEAT, CUSTOMER_GROUPS)[group]),
    )
    relationship = Relationship(banks_with_us=banks_with_us, share_of_wallet=share_of_wallet,
                                customer_since_month=customer_since)
    return population, relationship


def make_entity_tables(rng, population: Population, relationship: Relationship, geography: Geography, sales: Sales,
                       staffing: Staffing, loans: Loans) -> tuple[dict, EntityRecords]:
    """主体表（含合成的姓名、身份证号、信用代码、手机号）与村表。"""
    n_entities = population.n_entities
    group = population.group
    kept = loans.kept
    first_loan = np.full(n_entities, NEVER)
    np.minimum.at(first_loan, loans.entity[kept], loans.origination_month[kept])
    customer_since = np.minimum(relationship.customer_since_month, first_loan)
    is_customer = customer_since < NEVER
    since_date = np.where(is_customer, MONTH_STARTS[np.clip(customer_since, -PRE_HISTORY_MONTHS, LAST_MONTH) + PRE_HISTORY_MONTHS],
                          np.datetime64("NaT"))
    older = customer_since < -PRE_HISTORY_MONTHS
    since_date = np.where(older, (np.datetime64(SIMULATION_START) - (rng.integers(
        1, story.MAX_OLD_CUSTOMER_YEARS * 365, n_entities)).astype("timedelta64[D]")).astype("datetime64[us]"), since_date)
    since_date = np.where(is_customer, since_date + rng.integers(*story.DAY_OF_MONTH_RANGE, n_entities).astype("timedelta64[D]")
                          * (~older), since_date)
    operator_names, surname_index = person_names(rng, n_entities, return_surname=True)
    names = entity_names(rng, group, population.sub_industry, surname_index)
    birth = (np.datetime64(AS_OF) - (population.age * 365.25 + rng.integers(0, 365, n_entities)).astype("timedelta64[D]")
             ).astype("datetime64[D]")
    from ...privacy import generate_credit_codes, generate_id_numbers, generate_phone_numbers

    id_numbers = generate_id_numbers(rng, n_entities, birth_dates=birth, female=population.is_female)
    category = np.where(group == GROUP_CODE["individual_business"], _CREDIT_CODE_CATEGORY["individual_business"],
                        np.where(group == GROUP_CODE["coop"], _CREDIT_CODE_CATEGORY["coop"], "1"))
    credit_codes = generate_credit_codes(rng, n_entities, category=category)
    credit_codes = np.where(group == GROUP_CODE["farmer_household"], None, credit_codes.astype(object))
    phones = generate_phone_numbers(rng, n_entities)
    manager = staffing.entity_manager
    tables = {}
    tables["entities"] = build("entities", {
        "entity_id": np.arange(1, n_entities + 1), "entity_name": names,
        "customer_group": group, "industry": population.industry, "sub_industry": population.sub_industry,
        "enterprise_size": population.enterprise_size,
        "village_id": population.village, "village": population.village, "township": population.township,
        "in_urban_area": population.in_urban_area,
        "operator_name": operator_names, "operator_id_number": id_numbers, "credit_code": credit_codes,
        "operator_phone": phones,
        "operator_gender": population.is_female.astype(int), "operator_age": population.age,
        "operator_education": population.education,
        "years_in_business": population.years_in_business, "employees": population.employees,
        "total_assets": population.assets, "total_liabilities": population.liabilities,
        "reported_revenue": np.round(sales.truth_revenue * population.misreport_ratio
                                     * np.exp(rng.normal(0, story.REPORTED_REVENUE_NOISE_SD, n_entities)), 2),
        "main_bank": population.main_bank, "banks_with_us": relationship.banks_with_us, "customer_since": since_date,
        "branch_id": staffing.entity_branch, "manager_id": np.where(manager >= 0, manager, np.nan),
    })
    del id_numbers, credit_codes, phones, operator_names, surname_index
    n_villages = len(VILLAGES)
    tables["villages"] = build("villages", {
        "village_id": np.arange(n_villages), "village": np.arange(n_villages),
        "township": geography.village_township, "branch_id": geography.village_township,
        "households": (np.bincount(population.village, minlength=n_villages) * rng.integers(*story.HOUSEHOLDS_PER_ENTITY, n_villages)
                       + rng.integers(*story.OTHER_HOUSEHOLDS, n_villages)),
        "is_credit_village": geography.is_credit_village, "distance_to_branch_km": geography.village_distance_km,
    })
    return tables, EntityRecords(customer_since_month=customer_since, names=names)


def make_truth_entities(population: Population, relationship: Relationship, sales: Sales):
    """主体的真相：经营质量、诚信度、真实收入、虚报、违约概率、营销响应倾向、份额、冲击敏感度（不用随机数）。"""
    n_entities = population.n_entities
    response = sigmoid(story.RESPONSE_LOGIT + story.RESPONSE_QUALITY * population.quality
                       - story.RESPONSE_AGE_SLOPE * (population.age - story.RESPONSE_AGE_CENTRE)
                       + story.RESPONSE_NON_CUSTOMER * ~relationship.banks_with_us
                       + story.RESPONSE_UNMET_DEMAND * (~population.is_applicant & population.credit_demand))
    return build("truth_entities", {
        "entity_id": np.arange(1, n_entities + 1), "truth_quality": np.round(population.quality, 4),
        "truth_integrity": np.round(population.integrity, 4),
        "truth_revenue": sales.truth_revenue, "truth_misreport_ratio": population.misreport_ratio,
        "truth_is_misreporter": population.is_misreporter,
        "truth_prob_default": np.round(population.prob_default, 5),
        "truth_marketing_response": np.round(response, 4),
        "truth_share_of_wallet": np.round(relationship.share_of_wallet, 4),
        "truth_shock_sensitivity": np.round(population.shock_sensitivity, 4),
    })
