"""``build-exercises`` 与 ``reset-exercise`` 两个子命令。"""

from __future__ import annotations

import argparse

from .build import build_exercises, course_root, reset_exercise


def add_build_exercises_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--check", action="store_true", help="只检查 exercises/ 是否与答案本一致，不写文件")
    p.add_argument("--root", default=None, metavar="目录", help="课程根目录（默认自动查找）")


def run_build_exercises(args: argparse.Namespace) -> int:
    root = course_root(args.root)
    changed = build_exercises(root, check=args.check)
    if args.check:
        if changed:
            print("这些练习本与答案本不一致，请运行 python -m ruralfin build-exercises：")
            for p in changed:
                print(f"  {p.relative_to(root)}")
            return 1
        print("练习本与答案本一致。")
        return 0
    print(f"已更新 {len(changed)} 个练习本。" if changed else "练习本已是最新，无需更新。")
    for p in changed:
        print(f"  {p.relative_to(root)}")
    return 0


def add_reset_exercise_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("name", metavar="练习", help="练习编号或文件名，如 11 或 11_goals.ipynb")
    p.add_argument("--root", default=None, metavar="目录", help="课程根目录（默认自动查找）")
    p.add_argument("--replace", action="store_true",
                   help="原地换成干净的（先备份到 exercises/backups/），请先在 JupyterLab 里关闭该练习本；"
                        "默认不动原文件，另建一份 *-clean1.ipynb")


def run_reset_exercise(args: argparse.Namespace) -> int:
    root = course_root(args.root)
    before = set((root / "exercises" / "backups").glob("*.ipynb"))
    path = reset_exercise(args.name, root=root, replace=args.replace)
    if args.replace:
        backups = sorted(set((root / "exercises" / "backups").glob("*.ipynb")) - before)
        if backups:
            print(f"原来的练习本已备份到：{backups[0]}")
        print(f"已换上一份干净的练习本：{path}")
    else:
        print(f"已新建一份干净的练习本：{path}")
        print("原来的练习本没有改动。")
    return 0
