"""困境与违约的时点、担保圈与圈内传染（阶段 2）。

困境事件按月到达（强度随违约倾向和行业冲击变化）：多数在 1–3 个月内恢复（贷款短期逾期后补还），
一部分滚成违约（之后不再有新事件）。同村申请人 3–5 户组成担保圈，圈里有人违约后其他成员更容易出事。
"""

from __future__ import annotations

import numpy as np

from .. import _story as story
from .common import GROUP_CODE, LAST_MONTH, NEVER, OBSERVED_MONTHS, PRE_HISTORY_MONTHS
from .state import IndustryCalendar, Population, Timeline

__all__ = ["make_timeline"]


def make_timeline(rng, population: Population, calendar: IndustryCalendar) -> Timeline:
    """每个主体的违约月、短期困境的月份与持续期、担保圈、违约前的下滑。"""
    n_entities = population.n_entities
    sub = population.sub_industry
    prob_roll = population.prob_roll
    months = np.arange(-PRE_HISTORY_MONTHS, OBSERVED_MONTHS)
    hazard = -np.log1p(-population.prob_distress) / 12.0
    thresholds = rng.exponential(1.0, (n_entities, story.MAX_DISTRESS_EVENTS))
    roll_draws = rng.random((n_entities, story.MAX_DISTRESS_EVENTS))
    pointer = np.zeros(n_entities, dtype=np.int64)
    next_threshold = thresholds[:, 0].copy()
    cumulative = np.zeros(n_entities)
    default_month = np.full(n_entities, NEVER)  # 违约事件（滚成 90 天以上）的月序
    cure_months = np.full((n_entities, story.MAX_CURES), NEVER)  # 短期困境（会恢复）的月序
    n_cures = np.zeros(n_entities, dtype=np.int64)
    done = np.zeros(n_entities, bool)
    capped_sensitivity = np.minimum(population.shock_sensitivity, story.SHOCK_SENSITIVITY_CAP)
    for j, month in enumerate(months):
        cumulative += hazard * (1.0 + story.SHOCK_HAZARD_UPLIFT * capped_sensitivity * calendar.shock_profile[sub, j])
        hit = np.flatnonzero(~done & (cumulative >= next_threshold))
        if len(hit):
            rolls = roll_draws[hit, pointer[hit]] < prob_roll[hit]
            default_month[hit[rolls]] = month
            done[hit[rolls]] = True
            cured = hit[~rolls]
            slot = n_cures[cured]
            has_room = slot < story.MAX_CURES
            cure_months[cured[has_room], slot[has_room]] = month
            n_cures[cured] += 1
            pointer[cured] = np.minimum(pointer[cured] + 1, story.MAX_DISTRESS_EVENTS - 1)
            next_threshold[cured] = cumulative[cured] + thresholds[cured, pointer[cured]] + story.REFRACTORY_MONTHS * hazard[cured]
    defaults = default_month < NEVER
    durations, probs = np.array(list(story.CURE_MONTHS)), np.array(list(story.CURE_MONTHS.values()))
    cure_durations = durations[np.searchsorted(np.cumsum(probs) / probs.sum(),
                                               rng.random((n_entities, story.MAX_CURES)), side="right")]
    del thresholds, roll_draws, pointer, next_threshold, cumulative, done
    circle_id, circle_next, default_month = _guarantee_circles(rng, population, default_month, defaults)
    defaults = default_month < NEVER
    warning_months = np.where(rng.random(n_entities) < story.SILENT_DEFAULT_SHARE, 0,
                              rng.integers(*story.WARNING_MONTHS, n_entities))
    warning_depth = rng.uniform(*story.WARNING_DEPTH, n_entities)
    cure_depth = rng.uniform(*story.CURE_DIP_DEPTH, n_entities)
    return Timeline(monthly_hazard=hazard, capped_sensitivity=capped_sensitivity, default_month=default_month,
                    defaults=defaults, cure_months=cure_months, cure_durations=cure_durations, circle_id=circle_id,
                    circle_next=circle_next, warning_months=warning_months, warning_depth=warning_depth,
                    cure_depth=cure_depth)


def _guarantee_circles(rng, population: Population, default_month, defaults):
    """同村申请人每 4 户一圈互保；圈内有人违约后，其他成员 1–6 个月内以一定概率陷入困境。

    返回 (圈编号, 圈内下一个成员, 更新后的违约月)。
    """
    n_entities = population.n_entities
    village = population.village
    candidate = (population.is_applicant & (population.group != GROUP_CODE["coop"])
                 & (rng.random(n_entities) < story.CIRCLE_JOIN_SHARE))
    candidates = np.flatnonzero(candidate)
    order = candidates[np.lexsort((rng.random(len(candidates)), village[candidates]))]
    village_sorted = village[order]
    new_village = np.r_[True, village_sorted[1:] != village_sorted[:-1]]
    rank = np.arange(len(order)) - np.maximum.accumulate(np.where(new_village, np.arange(len(order)), 0))
    circle_key = village_sorted.astype(np.int64) * 100000 + rank // story.CIRCLE_SIZE
    member_circle, circle_size = np.unique(circle_key, return_inverse=True, return_counts=True)[1:]
    keep = circle_size[member_circle] >= story.MIN_CIRCLE_SIZE
    order, member_circle = order[keep], member_circle[keep]
    circle_id = np.full(n_entities, -1)
    circle_id[order] = member_circle
    # 圈内下一个成员（环形；member_circle 已按圈排序）
    first_member = np.searchsorted(member_circle, member_circle)
    position = np.arange(len(order)) - first_member
    members = np.bincount(member_circle)[member_circle]
    circle_next = np.full(n_entities, -1)
    circle_next[order] = order[first_member + (position + 1) % members]
    # 传染
    member_default = np.where(defaults & (circle_id >= 0), default_month, NEVER)
    first_bad = np.full(member_circle.max() + 1 if len(member_circle) else 0, NEVER)
    np.minimum.at(first_bad, member_circle, member_default[order])
    circle_first_bad = first_bad[member_circle]
    lag = rng.integers(*story.CONTAGION_LAG_MONTHS, len(order))
    infected = ((circle_first_bad < NEVER) & (circle_first_bad + lag < default_month[order])
                & (rng.random(len(order)) < story.CONTAGION_SHARE) & (circle_first_bad + lag <= LAST_MONTH))
    infected &= rng.random(len(order)) < np.maximum(population.prob_roll[order], story.CONTAGION_MIN_ROLL)
    default_month = default_month.copy()
    default_month[order[infected]] = circle_first_bad[infected] + lag[infected]
    return circle_id, circle_next, default_month
