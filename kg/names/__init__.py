"""Standard names: regions (GB/T 2260) and jurisdiction, government bodies and their
short forms, hospitals; what a name found in a text stands for."""
