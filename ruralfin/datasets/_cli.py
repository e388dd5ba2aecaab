"""命令行 ``python -m ruralfin generate``：生成任意规模的示范县并写进目录。

由 ``ruralfin/__main__.py`` 接入：``add_arguments(subparser)`` 声明参数，``run(args)`` 执行并返回退出码。
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import RuralfinError
from ._defaults import DEFAULT_N, DEFAULT_SEED, GENERATOR_VERSION

__all__ = ["add_arguments", "run"]


def add_arguments(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """给 ``generate`` 子命令加参数。"""
    parser.add_argument("--entities", type=int, default=DEFAULT_N, metavar="个数", help=f"经营主体个数（默认 {DEFAULT_N}）")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, metavar="种子", help=f"随机种子（默认 {DEFAULT_SEED}）")
    parser.add_argument("--out", required=True, metavar="目录", help="输出目录（不存在会新建；非空时需加 --overwrite）")
    parser.add_argument("--format", choices=["csv", "parquet"], default="parquet", help="文件格式（默认 parquet；csv 为带 BOM 的 UTF-8）")
    parser.add_argument("--overwrite", action="store_true", help="允许写进非空目录，覆盖同名文件")
    parser.add_argument("--quiet", action="store_true", help="不显示进度条")
    return parser


def run(args: argparse.Namespace) -> int:
    """执行生成；成功返回 0，输入有误返回 2（中文原因写到标准错误）。"""
    from ..schema import TABLE_NAMES
    from . import make_county
    from ._generator import N_STEPS
    from ._write import write_county

    out = Path(args.out)
    try:
        if out.exists() and (not out.is_dir() or (any(out.iterdir()) and not args.overwrite)):
            raise RuralfinError(f"目录 {out} 不是空的；如确需覆盖其中的同名文件，请加 --overwrite")
        show = not getattr(args, "quiet", False) and args.entities >= 50_000
        bar = None
        if show:
            from tqdm.auto import tqdm

            bar = tqdm(total=N_STEPS + len(TABLE_NAMES), desc=f"生成示范县（{args.entities:,} 个主体）", unit="步", file=sys.stderr)

        def tick(stage):
            if bar is not None:
                bar.set_postfix_str(stage)
                bar.update(1)

        tables = make_county(args.entities, args.seed, progress=tick)
        write_county(tables, out, format=args.format, overwrite=args.overwrite, progress=tick,
                     manifest={"seed": args.seed, "n_entities": args.entities, "generator_version": GENERATOR_VERSION})
        if bar is not None:
            bar.close()
    except (RuralfinError, ValueError, TypeError) as exc:
        print(f"生成失败：{exc}", file=sys.stderr)
        return 2
    rows = sum(len(t) for t in tables.values())
    print(f"已生成 {len(tables)} 张表、共 {rows:,} 行，写入 {out}")
    return 0


def rebuild_shipped(target: Path | None = None) -> Path:
    """重新生成随包数据（默认规模与种子）到 ``ruralfin/datasets/files``（维护者用）。"""
    from . import make_county
    from ._write import write_county

    d = target or Path(__file__).parent / "files"
    tables = make_county(DEFAULT_N, DEFAULT_SEED)
    for f in d.glob("*.parquet"):
        f.unlink()
    return write_county(tables, d, overwrite=True,
                        manifest={"seed": DEFAULT_SEED, "n_entities": DEFAULT_N, "generator_version": GENERATOR_VERSION})


if __name__ == "__main__":  # python -m ruralfin.datasets._cli：重建随包数据
    print(rebuild_shipped())
