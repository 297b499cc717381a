"""Rendering: records (JSON contract), listings and cards, and the Rich views."""
