"""命令行：``python -m ruralfin <命令>``（装好后也可直接用 ``ruralfin <命令>``）。

命令
----
doctor            课前检查本机环境，逐项给出解决办法
generate          生成任意规模的示范县数据（CSV 或 Parquet）
build-exercises   由 solutions/ 的答案本生成 exercises/ 的练习本
reset-exercise    给学员一份干净的练习本（原来的先备份）
"""

from __future__ import annotations

import argparse
import importlib
import sys

from .errors import RuralfinError

# 子命令 -> (实现模块, 中文说明)。实现模块提供 add_arguments(parser) 和 run(args) -> int。
COMMANDS: dict[str, tuple[str, str]] = {
    "doctor": ("ruralfin.doctor", "课前检查本机环境：Python 与依赖版本、中文字体、小组件、数据、课程文件"),
    "generate": ("ruralfin.datasets._cli", "生成任意规模的示范县数据，写到指定文件夹"),
    "build-exercises": ("ruralfin.practice._cli", "由 solutions/ 的答案本生成 exercises/ 的练习本"),
    "reset-exercise": ("ruralfin.practice._cli", "给学员一份干净的练习本，原来的先备份到 exercises/backups/"),
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m ruralfin",
        description="ruralfin 乡村振兴金融课程工具",
    )
    sub = parser.add_subparsers(dest="command", metavar="命令")
    for name, (module, help_) in COMMANDS.items():
        p = sub.add_parser(name, help=help_, description=help_)
        try:
            mod = importlib.import_module(module)
        except ImportError:  # pragma: no cover - 模块尚未提供时命令不可用
            continue
        adder = getattr(mod, f"add_{name.replace('-', '_')}_arguments", None) or mod.add_arguments
        adder(p)
        p.set_defaults(_module=module, _command=name)
    return parser


def main(argv: list[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):  # Windows 控制台也能输出中文
        try:
            stream.reconfigure(encoding="utf-8")
        except (AttributeError, ValueError):  # pragma: no cover
            pass
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help()
        return 2
    mod = importlib.import_module(args._module)
    runner = getattr(mod, f"run_{args._command.replace('-', '_')}", None) or mod.run
    try:
        return int(runner(args) or 0)
    except RuralfinError as exc:
        print(f"出错了：{exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
