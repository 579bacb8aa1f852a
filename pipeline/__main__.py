"""``python -m pipeline`` runs the vnkg command."""
from .cli import main

main()
