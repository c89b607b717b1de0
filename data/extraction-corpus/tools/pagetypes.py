def build(root, arts): pass
