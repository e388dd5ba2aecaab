"""默认示范县的规模、种子与生成器版本（单独成文件，导入很轻）。"""

GENERATOR_VERSION = "1.0.0"
DEFAULT_SEED = 20251231
DEFAULT_N = 25_000
