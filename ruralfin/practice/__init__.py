"""自测练习：``from ruralfin.practice import ____, lesson11 as ex`` 后用 ``ex.q1.check(答案)``。

每课的题目在 ``ruralfin.practice.lessonNN`` 里；题目类型见 :mod:`ruralfin.practice._core`。
练习本由答案本生成（``python -m ruralfin build-exercises``）；想要一份干净的练习本，用
``rf.reset_exercise("11")`` 或 ``python -m ruralfin reset-exercise 11``：另建一份
``11_goals-clean1.ipynb``，原来的不动。
"""

from ._core import ____, Blank, ChoiceQuestion, CustomQuestion, NumberQuestion, Question, Result, SetQuestion
from .build import build_exercises, reset_exercise

__all__ = [
    "____",
    "Blank",
    "Result",
    "Question",
    "NumberQuestion",
    "ChoiceQuestion",
    "SetQuestion",
    "CustomQuestion",
    "build_exercises",
    "reset_exercise",
]
