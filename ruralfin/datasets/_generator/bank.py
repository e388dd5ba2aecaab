"""我行与同业：机构、产品、网点、客户经理（阶段 4）及客户经理的月度业绩（阶段 22）。"""

from __future__ import annotations

import numpy as np

from ...schema import EDUCATION, TOWNSHIPS
from .. import _story as story
from .._frames import build
from .common import INT16_MAX, OBSERVED_MONTHS, OBSERVED_YEARS, month_end, month_number, product_field
from .names import person_names
from .state import Population, Relationship, Staffing

__all__ = ["make_bank", "make_manager_monthly"]

#: products 表里可以缺失（None -> NaN）的数值列
_NUMERIC_PRODUCT_COLUMNS = {
    "max_amount", "min_term_months", "max_term_months", "rate_min", "rate_max", "min_operator_age",
    "max_operator_age", "min_years_in_business", "approval_days",
}


def _institutions():
    rows = story.INSTITUTION_ROWS
    return build("institutions", {column: [row[i] for row in rows] for i, column in enumerate(story.INSTITUTION_COLUMNS)})


def _products():
    columns = {}
    for column in story.PRODUCT_COLUMNS:
        values = product_field(column)
        if column in _NUMERIC_PRODUCT_COLUMNS:
            values = [np.nan if value is None else value for value in values]
        columns[column] = values
    return build("products", columns)


def make_bank(rng, population: Population, relationship: Relationship) -> tuple[dict, Staffing]:
    """机构与产品表（故事里写定）、每个乡镇一个网点、按管户数配客户经理并分管客户。"""
    tables = {"institutions": _institutions(), "products": _products()}
    branch = population.township  # 每个乡镇一个网点，0 号为县城营业部
    n_branches = len(TOWNSHIPS)
    # 获得贷款的新客户从首笔贷款起成为我行客户（先按申请人估算客户经理数）
    served = relationship.banks_with_us | population.is_applicant
    customers = np.bincount(branch[served], minlength=n_branches)
    managers_per_branch = np.maximum(story.MIN_MANAGERS_PER_BRANCH,
                                     np.round(customers / story.CUSTOMERS_PER_MANAGER)).astype(int)
    manager_branch = np.repeat(np.arange(n_branches), managers_per_branch)
    n_managers = len(manager_branch)
    first_manager = np.cumsum(managers_per_branch) - managers_per_branch
    manager = np.where(served, first_manager[branch]
                       + (rng.random(population.n_entities) * managers_per_branch[branch]).astype(int), -1)
    manager_age = np.clip(np.round(rng.normal(*story.MANAGER_AGE_MEAN_SD, n_managers)), *story.MANAGER_AGE_RANGE).astype(int)
    tables["branches"] = build("branches", {
        "branch_id": np.arange(n_branches),
        "branch_name": [story.HEAD_OFFICE_NAME] + [story.BRANCH_NAME.format(township=name) for name in TOWNSHIPS[1:]],
        "township": np.arange(n_branches),
        "branch_type": np.r_[0, np.ones(n_branches - 1, dtype=int)],
        "opened_year": np.r_[story.HEAD_OFFICE_OPENED_YEAR, rng.integers(*story.BRANCH_OPENED_YEARS, n_branches - 1)],
        "staff": managers_per_branch + rng.integers(*story.BRANCH_OTHER_STAFF, n_branches),
    })
    tables["managers"] = build("managers", {
        "manager_id": np.arange(n_managers), "branch_id": manager_branch,
        "manager_name": person_names(rng, n_managers),
        "manager_age": manager_age,
        "tenure_years": np.minimum(manager_age - story.MANAGER_START_AGE,
                                   rng.integers(*story.MANAGER_TENURE_YEARS, n_managers)),
        "education": rng.choice(len(EDUCATION), size=n_managers, p=[story.MANAGER_EDUCATION[level] for level in EDUCATION]),
    })
    return tables, Staffing(entity_branch=branch, entity_manager=manager, n_managers=n_managers)


def make_manager_monthly(rng, staffing: Staffing, customer_since, tables: dict):
    """客户经理每月的贷款余额与目标、不良余额、存款、新客户、新贷款、走访次数。

    ``customer_since``：每个主体成为我行客户的月序；``tables`` 是已经生成的 loan_monthly、loans、account_flows 表。
    """
    loan_monthly, loans, account_flows = tables["loan_monthly"], tables["loans"], tables["account_flows"]
    n_managers, manager = staffing.n_managers, staffing.entity_manager
    cells = n_managers * OBSERVED_MONTHS
    loan_manager = np.zeros(int(loans["loan_id"].max()) + 2, dtype=np.int64)
    loan_manager[loans["loan_id"].to_numpy()] = loans["manager_id"].to_numpy()
    key = loan_manager[loan_monthly["loan_id"].to_numpy()] * OBSERVED_MONTHS + month_number(loan_monthly["month"].to_numpy())
    balance = loan_monthly["balance"].to_numpy().astype(float)
    loan_balance = np.bincount(key, weights=balance, minlength=cells)
    overdue_balance = np.bincount(key, weights=balance * (loan_monthly["days_past_due"].to_numpy() > 0), minlength=cells)
    flow_manager = np.r_[manager, -1][account_flows["entity_id"].to_numpy() - 1]
    flow_month = month_number(account_flows["month"].to_numpy())
    managed = flow_manager >= 0
    deposits = np.bincount((flow_manager * OBSERVED_MONTHS + flow_month)[managed],
                           weights=account_flows["avg_balance"].to_numpy()[managed].astype(float), minlength=cells)
    start = month_number(loans["origination_date"].to_numpy().astype("datetime64[M]").astype("datetime64[us]"))
    in_window = start >= 0
    loan_key = loans["manager_id"].to_numpy().astype(np.int64)[in_window] * OBSERVED_MONTHS + start[in_window]
    new_loans = np.bincount(loan_key, minlength=cells)
    new_amount = np.bincount(loan_key, weights=loans["loan_amount"].to_numpy()[in_window], minlength=cells)
    joined = (manager >= 0) & (customer_since >= 0) & (customer_since < OBSERVED_MONTHS)
    new_customers = np.bincount(manager[joined] * OBSERVED_MONTHS + customer_since[joined], minlength=cells)
    by_month = loan_balance.reshape(n_managers, OBSERVED_MONTHS)
    # 各年目标的基数：上年末的余额（2023 年用 1 月）
    base = by_month[:, [0] + [12 * year - 1 for year in range(1, OBSERVED_YEARS)]]
    growth = rng.uniform(*story.TARGET_GROWTH, (n_managers, OBSERVED_YEARS))
    month_of_year = np.arange(OBSERVED_MONTHS) % 12 + 1
    year = np.arange(OBSERVED_MONTHS) // 12
    target = base[:, year] * (1 + growth[:, year] * month_of_year / 12)
    visits = rng.poisson(np.maximum(story.MIN_MONTHLY_VISITS, story.BASE_MONTHLY_VISITS
                                    + story.VISITS_PER_ROOT_BALANCE * by_month.mean(1, keepdims=True) ** 0.5)
                         * np.ones((1, OBSERVED_MONTHS)))
    return build("manager_monthly", {
        "manager_id": np.repeat(np.arange(n_managers), OBSERVED_MONTHS),
        "month": np.tile(month_end(np.arange(OBSERVED_MONTHS)), n_managers),
        "target_loan_balance": np.round(target.ravel(), 2), "loan_balance": np.round(loan_balance, 2),
        "overdue_balance": np.round(overdue_balance, 2), "deposit_balance": np.round(deposits, 2),
        "target_new_customers": np.repeat(np.round(rng.uniform(*story.NEW_CUSTOMER_TARGET, n_managers)), OBSERVED_MONTHS),
        "new_customers": np.minimum(new_customers, INT16_MAX), "new_loan_count": np.minimum(new_loans, INT16_MAX),
        "new_loan_amount": np.round(new_amount, 2), "visits": np.minimum(visits.ravel(), INT16_MAX),
    })
