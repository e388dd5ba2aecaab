"""生成器各阶段共用的：月份日历、类别编号、向量化抽样的小工具。

月序（month number）：0 = 2023-01（观察期第一个月），35 = 2025-12；负数是观察期之前模拟的月份
（让 2023 年初已经有存量贷款），:data:`NEVER` 表示“从不发生”。
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ...schema import (
    CUSTOMER_GROUPS, GUARANTEE_METHODS, INDUSTRIES, N_MONTHS, REPAYMENT_METHODS, SUB_INDUSTRIES, SUB_INDUSTRY_PARENT,
    get_table,
)
from .. import _story as story

__all__ = [
    "PRE_HISTORY_MONTHS", "OBSERVED_MONTHS", "OBSERVED_YEARS", "LAST_MONTH", "FIRST_YEAR", "SIMULATION_START",
    "MONTH_ENDS", "MONTH_STARTS", "NEVER", "FLOAT32", "INT16_MAX", "YUAN_PER_WANYUAN",
    "GROUP_CODE", "INDUSTRY_CODE", "SUB_CODE", "N_SUB", "SUB_PARENT_CODE", "REPAYMENT_CODE", "GUARANTEE_CODE",
    "OUR_PRODUCT_ID", "product_field",
    "group_codes", "sub_codes", "category_code", "month_end", "month_number", "sigmoid", "choice_rows", "by_key",
    "normal32", "expand_segments", "lpr", "release_memory",
]

PRE_HISTORY_MONTHS = 36  # 2023-01 之前模拟的月数
OBSERVED_MONTHS = N_MONTHS  # 观察期的月数（2023-01 至 2025-12）
OBSERVED_YEARS = OBSERVED_MONTHS // 12
LAST_MONTH = OBSERVED_MONTHS - 1  # 观察期最后一个月（2025-12）的月序
FIRST_YEAR = 2023  # 观察期第一年
SIMULATION_START = "2020-01-01"  # 模拟的第一个月（月序 -PRE_HISTORY_MONTHS）的第一天
MONTH_ENDS = pd.date_range("2020-01-31", periods=PRE_HISTORY_MONTHS + OBSERVED_MONTHS, freq="ME").values.astype("datetime64[us]")
MONTH_STARTS = pd.date_range(SIMULATION_START, periods=PRE_HISTORY_MONTHS + OBSERVED_MONTHS, freq="MS").values.astype("datetime64[us]")
NEVER = 10_000  # “从不发生”的月序
FLOAT32 = np.float32  # 大矩阵用单精度省内存
INT16_MAX = 32767  # int16 计数列的上限
YUAN_PER_WANYUAN = 10000

GROUP_CODE = {group: i for i, group in enumerate(CUSTOMER_GROUPS)}
INDUSTRY_CODE = {industry: i for i, industry in enumerate(INDUSTRIES)}
SUB_CODE = {sub: i for i, sub in enumerate(SUB_INDUSTRIES)}
N_SUB = len(SUB_INDUSTRIES)
SUB_PARENT_CODE = np.array([INDUSTRY_CODE[SUB_INDUSTRY_PARENT[sub]] for sub in SUB_INDUSTRIES])

REPAYMENT_CODE = {method: i for i, method in enumerate(REPAYMENT_METHODS)}
GUARANTEE_CODE = {method: i for i, method in enumerate(GUARANTEE_METHODS)}


def product_field(column: str) -> list:
    """故事里全部产品的一列（按产品编号 1, 2, … 的顺序）。"""
    position = story.PRODUCT_COLUMNS.index(column)
    return [row[position] for row in story.PRODUCTS]


#: 我行非贷款产品：产品类型 -> 产品编号（每种类型我行只有一个）
OUR_PRODUCT_ID = {
    kind: product_id
    for product_id, institution, kind in zip(product_field("product_id"), product_field("institution_id"), product_field("product_type"))
    if institution == "ours" and not kind.endswith("_loan")
}


def group_codes(groups) -> list[int]:
    """客群名 -> 编号列表（给 ``np.isin`` 用）。"""
    return [GROUP_CODE[group] for group in groups]


def sub_codes(subs) -> list[int]:
    """细分行业名 -> 编号列表（给 ``np.isin`` 用）。"""
    return [SUB_CODE[sub] for sub in subs]


def category_code(table: str, column: str, value: str) -> int:
    """某表某类别列里一个取值的编号（``build`` 把整数编码按 schema 的类别顺序解读）。"""
    return get_table(table).column(column).categories.index(value)


def month_end(month):
    """月序 -> 月末日期。"""
    return MONTH_ENDS[np.asarray(month) + PRE_HISTORY_MONTHS]


def month_number(dates):
    """日期 -> 月序（0 = 2023-01）。"""
    months = np.asarray(dates).astype("datetime64[M]")
    return (months - np.datetime64("2023-01", "M")).astype(int)


def sigmoid(logit):
    return 1.0 / (1.0 + np.exp(-logit))


def choice_rows(rng, probs_rows):
    """每行按自己的概率向量抽一个类别（向量化）。"""
    cum = np.cumsum(probs_rows, axis=1)
    cum /= cum[:, -1:]
    draw = rng.random(len(probs_rows))[:, None]
    return (draw > cum).sum(axis=1)


def by_key(mapping, keys):
    """按 ``keys`` 的顺序取出 ``mapping`` 的值，成为浮点数组。"""
    return np.array([mapping[key] for key in keys], dtype=float)


def normal32(rng, shape, scale, mean=0.0):
    """float32 正态随机数（省内存）。"""
    values = rng.standard_normal(shape, dtype=FLOAT32)
    values *= FLOAT32(scale)
    if mean:
        values += FLOAT32(mean)
    return values


def expand_segments(lengths):
    """把每段长度展开成 (段号, 段内序号)。"""
    lengths = np.asarray(lengths, dtype=np.int64)
    segment = np.repeat(np.arange(len(lengths)), lengths)
    starts = np.cumsum(lengths) - lengths
    within = np.arange(lengths.sum()) - np.repeat(starts, lengths)
    return segment, within


def lpr(month):
    """月序 -> 当月的 1 年期 LPR（%，故事里的近似路径）。"""
    month = np.asarray(month)
    out = np.full(month.shape, story.LPR_PATH[0][1])
    for start, value in story.LPR_PATH:
        out = np.where(month >= start, value, out)
    return out


def release_memory():
    """把已释放的堆内存还给操作系统（glibc），降低大规模生成时的峰值常驻内存。"""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # 非 glibc 平台
        pass
