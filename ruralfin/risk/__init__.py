"""风险防控模型（课程第四部分 途径二）。

- 交叉验证：``crosscheck``
- 分箱、WoE/IV 与评分卡：``WoEBinner``、``Scorecard``（scikit-learn 估计器约定）
- 区分度与稳定性：KS、AUC、Gini、gains 表、PSI/CSI
- 预授信与审批、贷后监测与五级分类、催收

子模块按需导入；``ruralfin.risk.X`` 与 ``from ruralfin.risk import X`` 都可用。
"""

from __future__ import annotations

import importlib
from typing import Any

# 名称 -> 子模块。tests/test_package.py 检查各子模块的 __all__ 都登记在这里。
_LAZY: dict[str, str] = {
    "WoEBinner": "binning",
    "NotFittedError": "binning",
    "woe_iv": "binning",
    "Scorecard": "scorecard",
    "IV_THRESHOLDS": "metrics",
    "PSI_THRESHOLDS": "metrics",
    "iv_strength": "metrics",
    "psi_stability": "metrics",
    "ks_statistic": "metrics",
    "auc": "metrics",
    "gini": "metrics",
    "gains_table": "metrics",
    "psi": "metrics",
    "psi_table": "metrics",
    "csi": "metrics",
    "plot_bins": "plots",
    "plot_woe": "plots",
    "plot_bad_rate": "plots",
    "plot_ks": "plots",
    "plot_gains": "plots",
    "SOURCE_NAMES": "crosscheck",
    "flow_revenue": "crosscheck",
    "utility_revenue": "crosscheck",
    "tax_revenue": "crosscheck",
    "combine_revenue": "crosscheck",
    "flag_revenue": "crosscheck",
    "crosscheck_revenue": "crosscheck",
    "flag_metrics": "crosscheck",
    "tolerance_sweep": "crosscheck",
    "plot_crosscheck": "crosscheck",
    "plot_tolerance_sweep": "crosscheck",
    "FLOW_FEATURES": "behavior",
    "REPAYMENT_FEATURES": "behavior",
    "BEHAVIOR_FEATURES": "behavior",
    "SEGMENT_FEATURES": "behavior",
    "TRAITS": "behavior",
    "behavior_features": "behavior",
    "repayment_features": "behavior",
    "behavior_label": "behavior",
    "behavior_sample": "behavior",
    "BehaviorSegmenter": "behavior",
    "plot_segment_profiles": "behavior",
    "annuity_payment": "approval",
    "annuity_principal": "approval",
    "debt_service_ratio": "approval",
    "credit_limit": "approval",
    "Rule": "approval",
    "check_rules": "approval",
    "pre_approve": "approval",
    "whitelist_summary": "approval",
    "DecisionMatrix": "approval",
    "top_adverse_factors": "approval",
    "decide": "approval",
    "cutoff_table": "approval",
    "plot_cutoff_tradeoff": "approval",
    "GRADES": "monitoring",
    "GRADE_NAMES": "monitoring",
    "DPD_BUCKETS": "monitoring",
    "WARNING_SIGNALS": "monitoring",
    "classify_loans": "monitoring",
    "npl_ratio": "monitoring",
    "migration_matrix": "monitoring",
    "dpd_bucket": "monitoring",
    "roll_rate_matrix": "monitoring",
    "roll_forward_rates": "monitoring",
    "vintage_table": "monitoring",
    "warning_panel": "monitoring",
    "early_warning_signals": "monitoring",
    "future_default_label": "monitoring",
    "EarlyWarningModel": "monitoring",
    "warning_lead_time": "monitoring",
    "lead_time_summary": "monitoring",
    "plot_vintage": "monitoring",
    "plot_roll_rates": "monitoring",
    "plot_migration": "monitoring",
    "plot_lead_time": "monitoring",
    "collection_cases": "collection",
    "CollectionScoreModel": "collection",
    "strategy_table": "collection",
    "prioritize_cases": "collection",
    "allocate_collectors": "collection",
    "AllocationResult": "collection",
    "allocation_curve": "collection",
    "plot_allocation_curve": "collection",
}

_SUBMODULES = ("binning", "scorecard", "metrics", "plots", "crosscheck", "behavior", "approval", "monitoring", "collection")

__all__ = sorted([*_LAZY, *_SUBMODULES])


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        value = getattr(importlib.import_module(f"{__name__}.{_LAZY[name]}"), name)
        globals()[name] = value
        return value
    if name in _SUBMODULES:
        module = importlib.import_module(f"{__name__}.{name}")
        globals()[name] = module
        return module
    raise AttributeError(f"ruralfin.risk 没有 {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
