"""Undo commands: each pushes one user edit through a planner service."""
