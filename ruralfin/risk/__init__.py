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
_LAZY: dict[str, str] = {}

_SUBMODULES = ("binning", "scorecard", "metrics", "crosscheck", "behavior", "approval", "monitoring", "collection")

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
