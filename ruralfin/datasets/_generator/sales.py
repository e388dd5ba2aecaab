"""细分行业的日历（季节性、春节、趋势、冲击）与每个主体的真实月度销售（阶段 3）。"""

from __future__ import annotations

import numpy as np

from ...schema import SUB_INDUSTRIES
from .. import _story as story
from .common import FIRST_YEAR, FLOAT32, N_SUB, OBSERVED_MONTHS, OBSERVED_YEARS, PRE_HISTORY_MONTHS, SUB_CODE, by_key
from .state import IndustryCalendar, Population, Sales, Timeline

__all__ = ["make_industry_calendar", "make_sales"]


def make_industry_calendar() -> IndustryCalendar:
    """由故事确定的细分行业日历（不用随机数）。"""
    shock_profile = np.zeros((N_SUB, PRE_HISTORY_MONTHS + OBSERVED_MONTHS))
    shock_depth = np.zeros(N_SUB)
    for sub, first, last, depth in story.SHOCKS:
        shock_profile[SUB_CODE[sub], first + PRE_HISTORY_MONTHS:last + PRE_HISTORY_MONTHS + 1] = 1.0
        shock_depth[SUB_CODE[sub]] = depth
    seasonality = np.array([story.SEASON[sub] for sub in SUB_INDUSTRIES])
    seasonality = seasonality / seasonality.mean(axis=1, keepdims=True)
    festival = np.zeros((N_SUB, OBSERVED_MONTHS))
    for sub, boost in story.FESTIVAL_BOOST.items():
        for year, month in story.SPRING_FESTIVAL_MONTH.items():
            festival[SUB_CODE[sub], (year - FIRST_YEAR) * 12 + month - 1] = boost
    return IndustryCalendar(seasonality=seasonality, festival=festival, trend=by_key(story.TREND, SUB_INDUSTRIES),
                            noise_sd=by_key(story.NOISE, SUB_INDUSTRIES), shock_profile=shock_profile,
                            shock_depth=shock_depth)


def make_sales(rng, population: Population, timeline: Timeline, calendar: IndustryCalendar) -> Sales:
    """真实月销售 = 基础规模 × 季节性 × 春节 × 趋势 × 随机波动 × 行业冲击 × 困境前后的下滑。"""
    n_entities = population.n_entities
    sub = population.sub_industry
    growth = rng.normal(0, story.ENTITY_GROWTH_SD, n_entities)
    sales = np.empty((n_entities, OBSERVED_MONTHS), dtype=FLOAT32)
    noise = rng.normal(0, 1, n_entities) * calendar.noise_sd[sub]
    observed_shock = calendar.observed_shock
    warning_months, warning_depth = timeline.warning_months, timeline.warning_depth
    capped_sensitivity = np.minimum(population.shock_sensitivity, story.SALES_SENSITIVITY_CAP)
    for month in range(OBSERVED_MONTHS):
        noise = (story.SALES_NOISE_PERSISTENCE * noise
                 + rng.normal(0, 1, n_entities) * calendar.noise_sd[sub] * story.SALES_NOISE_INNOVATION)
        distress = np.ones(n_entities)
        since_default = month - timeline.default_month
        ramp = (since_default >= -warning_months) & (since_default < 0) & (warning_months > 0)
        distress = np.where(ramp, 1 - warning_depth * (since_default + warning_months + 1) / (warning_months + 1), distress)
        distress = np.where((since_default >= 0) & timeline.defaults, 1 - warning_depth, distress)
        for k in range(story.MAX_CURES):
            since_cure = month - timeline.cure_months[:, k]
            dip = (since_cure >= -story.CURE_DIP_LEAD_MONTHS) & (
                since_cure < timeline.cure_durations[:, k] + story.CURE_DIP_TAIL_MONTHS)
            distress = np.where(dip, distress * (1 - timeline.cure_depth), distress)
        value = (population.base_revenue / 12.0 * calendar.seasonality[sub, month % 12] * (1 + calendar.festival[sub, month])
                 * np.exp((calendar.trend[sub] + growth) * month / 12.0 + noise)
                 * (1 - calendar.shock_depth[sub] * capped_sensitivity / story.SALES_SHOCK_DAMPING * observed_shock[sub, month])
                 * distress)
        sales[:, month] = np.maximum(value, 0.0)
    yearly = sales.reshape(n_entities, OBSERVED_YEARS, 12).sum(axis=2, dtype=np.float64)
    return Sales(monthly=sales, yearly=yearly, truth_revenue=np.round(yearly[:, -1], 3))
