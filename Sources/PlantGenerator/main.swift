print("loom-plantgen: not yet built")
