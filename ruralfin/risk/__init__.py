"""风险防控模型（课程第四部分 途径二）。

- 交叉验证：``crosscheck``
- 分箱、WoE/IV、CSI 与分箱图：``binning``；评分卡：``scorecard``（scikit-learn 估计器约定）
- 区分度与稳定性：KS、AUC、Gini、gains 表、PSI 与 KS/gains 曲线：``metrics``
- 预授信与审批：额度（``limits``）、准入规则与白名单（``preapproval``）、决策与切分点（``decisions``）
- 贷后监测：五级分类（``classification``）、迁移与滚动率（``migration``）、账龄分析（``vintage``）、
  预警（``early_warning``）；催收（``collection``）

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
    "csi": "binning",
    "plot_bins": "binning",
    "plot_woe": "binning",
    "plot_bad_rate": "binning",
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
    "plot_ks": "metrics",
    "plot_gains": "metrics",
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
    "annuity_payment": "limits",
    "annuity_principal": "limits",
    "debt_service_ratio": "limits",
    "credit_limit": "limits",
    "Rule": "preapproval",
    "check_rules": "preapproval",
    "pre_approve": "preapproval",
    "whitelist_summary": "preapproval",
    "DecisionMatrix": "decisions",
    "top_adverse_factors": "decisions",
    "decide": "decisions",
    "cutoff_table": "decisions",
    "plot_cutoff_tradeoff": "decisions",
    "GRADES": "classification",
    "GRADE_NAMES": "classification",
    "DPD_BUCKETS": "classification",
    "WARNING_SIGNALS": "early_warning",
    "classify_loans": "classification",
    "npl_ratio": "classification",
    "migration_matrix": "migration",
    "dpd_bucket": "classification",
    "roll_rate_matrix": "migration",
    "roll_forward_rates": "migration",
    "vintage_table": "vintage",
    "warning_panel": "early_warning",
    "early_warning_signals": "early_warning",
    "future_default_label": "early_warning",
    "EarlyWarningModel": "early_warning",
    "warning_lead_time": "early_warning",
    "lead_time_summary": "early_warning",
    "plot_vintage": "vintage",
    "plot_roll_rates": "migration",
    "plot_migration": "migration",
    "plot_lead_time": "early_warning",
    "collection_cases": "collection",
    "CollectionScoreModel": "collection",
    "strategy_table": "collection",
    "prioritize_cases": "collection",
    "allocate_collectors": "collection",
    "AllocationResult": "collection",
    "allocation_curve": "collection",
    "plot_allocation_curve": "collection",
}

_SUBMODULES = ("binning", "scorecard", "metrics", "crosscheck", "behavior", "limits", "preapproval", "decisions",
               "classification", "migration", "vintage", "early_warning", "collection")

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
