"""示范县（demo county）数据：生成、读取、数据字典、读入银行自己的导出文件。

各表结构见 :mod:`ruralfin.datasets.schema`。
"""

from __future__ import annotations

from . import schema

__all__ = ["schema"]
