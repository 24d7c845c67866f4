print("loom 0.1.0")
