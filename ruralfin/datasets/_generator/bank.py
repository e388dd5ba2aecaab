"""我行与同业：机构、产品、网点、客户经理（阶段 4）及客户经理的月度业绩（阶段 22）。"""

from __future__ import annotations

import numpy as np

from ...schema import EDUCATION, TOWNSHIPS
from .. import _story as story
from .._frames import build
from .common import product_field
from .names import person_names
from .state import Population, Relationship, Staffing

__all__ = ["make_bank"]

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
