#!/usr/bin/env python3
"""Peers for `loom-bench query`: the same five BOM questions answered by networkx and,
when installed, Kuzu, on the edges exported from Loom's graph (untimed load).

Usage: query_peers.py --db graph.sqlite --workload workload.json --repeat N --timeout S
                      --scratch DIR [--systems networkx,kuzu]
Prints one JSON object: {system: {Q1: {"seconds": [...], "rows": n, "values": {key: number|null}}
                                  | {"failure": "..."}}}. Progress goes to stderr.
"""
import argparse, json, os, shutil, sqlite3, sys, time
from collections import defaultdict


def log(*args):
    print(*args, file=sys.stderr, flush=True)


def load(db, as_of):
    """BOM lines valid at as_of (quantities summed per parent/component), unit costs, suppliers."""
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    key = dict(con.execute("SELECT _id, _key FROM node_Part"))
    lines = defaultdict(float)
    for p, c, q in con.execute(
            "SELECT _from, _to, CAST(quantity AS REAL) FROM edge_HAS_COMPONENT "
            "WHERE (validFrom IS NULL OR validFrom <= ?) AND (validTo IS NULL OR validTo >= ?)", (as_of, as_of)):
        lines[(key[p], key[c])] += q or 0.0
    cost = {key[i]: (float(v) if v is not None else None)
            for i, v in con.execute("SELECT _id, unitCost FROM node_Part")}
    supplier = dict(con.execute("SELECT _id, _key FROM node_Supplier"))
    supplies = [(supplier[s], key[p]) for s, p in con.execute("SELECT _from, _to FROM edge_SUPPLIES")]
    con.close()
    return lines, cost, supplies


def timed(fn, repeat):
    seconds, answer = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        answer = fn()
        seconds.append(time.perf_counter() - t)
    rows, values = answer
    return {"seconds": seconds, "rows": rows, "values": values}


def run_networkx(lines, cost, supplies, w, repeat):
    import networkx as nx
    g = nx.DiGraph()
    g.add_nodes_from(cost)
    for (p, c), q in lines.items():
        g.add_edge(p, c, q=q)
    sg = nx.DiGraph(supplies)

    def push(graph, root):
        below = nx.descendants(graph, root)
        qty = defaultdict(float)
        qty[root] = 1.0
        for n in nx.topological_sort(graph.subgraph(below | {root})):
            for _, c, q in graph.out_edges(n, data="q"):
                qty[c] += qty[n] * q
        return len(below), {n: qty[n] for n in below}

    def q1():
        return push(g, w["finishedGood"])

    def q2():
        return push(g.reverse(copy=False), w["rawPart"])

    def q3():
        goods = w["finishedGoods"]
        reach = set(goods)
        for f in goods:
            reach |= nx.descendants(g, f)
        sub = g.subgraph(reach)
        blocked = set()
        for scc in nx.strongly_connected_components(sub):
            if len(scc) > 1 or any(sub.has_edge(n, n) for n in scc):
                blocked |= scc
        for n in list(blocked):
            blocked |= nx.ancestors(sub, n)
        value = {}
        for n in reversed(list(nx.topological_sort(sub.subgraph(reach - blocked)))):
            if sub.out_degree(n) == 0:
                value[n] = cost.get(n)
            else:
                total = None
                for _, c, q in sub.out_edges(n, data="q"):
                    if value.get(c) is not None:
                        total = (total or 0.0) + q * value[c]
                value[n] = total
        return len(goods), {f: (None if f in blocked else value.get(f)) for f in goods}

    def q4():
        used = set()
        for f in w["acyclicFinishedGoods"]:
            used |= nx.descendants(g, f)
        single = {p for p in used if p in sg and sg.in_degree(p) == 1}
        return len(single), {p: None for p in single}

    def q5():
        parts = set()
        for cycle in nx.simple_cycles(g):
            parts.update(cycle)
        return len(parts), {p: None for p in parts}

    out = {}
    for name, fn in [("Q1", q1), ("Q2", q2), ("Q3", q3), ("Q4", q4), ("Q5", q5)]:
        log(f"networkx {name} ...")
        try:
            out[name] = timed(fn, repeat)
        except Exception as error:  # reported in the table, not fatal
            out[name] = {"failure": "failed: " + str(error)[:200]}
    return out


def run_kuzu(lines, cost, supplies, w, repeat, timeout, scratch):
    import kuzu
    folder = os.path.join(scratch, "kuzu")
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    with open(os.path.join(folder, "part.csv"), "w") as f:
        for k, v in cost.items():
            f.write(f"{k},{'' if v is None else v}\n")
    with open(os.path.join(folder, "line.csv"), "w") as f:
        for (p, c), q in lines.items():
            f.write(f"{p},{c},{q!r}\n")
    suppliers = sorted({s for s, _ in supplies})
    with open(os.path.join(folder, "supplier.csv"), "w") as f:
        f.writelines(f"{s}\n" for s in suppliers)
    with open(os.path.join(folder, "supplies.csv"), "w") as f:
        f.writelines(f"{s},{p}\n" for s, p in set(supplies))
    db = kuzu.Database(os.path.join(folder, "db"))
    con = kuzu.Connection(db)
    con.execute("CREATE NODE TABLE Part(key STRING, unitCost DOUBLE, PRIMARY KEY(key))")
    con.execute("CREATE NODE TABLE Supplier(key STRING, PRIMARY KEY(key))")
    con.execute("CREATE REL TABLE HAS_COMPONENT(FROM Part TO Part, q DOUBLE)")
    con.execute("CREATE REL TABLE SUPPLIES(FROM Supplier TO Part)")
    for table, name in [("Part", "part"), ("Supplier", "supplier"), ("HAS_COMPONENT", "line"), ("SUPPLIES", "supplies")]:
        con.execute(f"COPY {table} FROM '{os.path.join(folder, name + '.csv')}' (header=false)")
    con.set_query_timeout(int(timeout * 1000))
    bound = w["levelBound"]
    product = "list_product(properties(rels(p), 'q'))"
    queries = {
        "Q1": (f"MATCH p = (a:Part {{key: $k}})-[:HAS_COMPONENT*1..{bound}]->(c:Part) RETURN c.key, sum({product})",
               {"k": w["finishedGood"]}),
        "Q2": (f"MATCH p = (c:Part)-[:HAS_COMPONENT*1..{bound}]->(a:Part {{key: $k}}) RETURN c.key, sum({product})",
               {"k": w["rawPart"]}),
        "Q3": (f"MATCH p = (f:Part)-[:HAS_COMPONENT*1..{bound}]->(l:Part) WHERE f.key IN $goods "
               f"AND NOT EXISTS {{ MATCH (l)-[:HAS_COMPONENT]->(:Part) }} RETURN f.key, sum({product} * l.unitCost)",
               {"goods": w["finishedGoods"]}),
        "Q4": (f"MATCH (f:Part)-[:HAS_COMPONENT*1..{bound}]->(c:Part) WHERE f.key IN $goods WITH DISTINCT c "
               "MATCH (s:Supplier)-[:SUPPLIES]->(c) WITH c, count(DISTINCT s) AS n WHERE n = 1 RETURN c.key",
               {"goods": w["acyclicFinishedGoods"]}),
        "Q5": (f"MATCH (a:Part)-[:HAS_COMPONENT*1..{bound}]->(a) RETURN DISTINCT a.key", {}),
    }
    out = {}
    for name, (text, params) in queries.items():
        log(f"kuzu {name} ...")
        seconds, rows = [], None
        try:
            for _ in range(repeat):
                t = time.perf_counter()
                result = con.execute(text, params)
                rows = []
                while result.has_next():
                    rows.append(result.get_next())
                seconds.append(time.perf_counter() - t)
        except Exception as error:  # timeout or an unsupported construct: reported, not fatal
            message = str(error)
            out[name] = {"failure": "timeout" if "interrupt" in message.lower() or "timeout" in message.lower()
                         else "failed: " + message[:200]}
            continue
        values = {r[0]: (r[1] if len(r) > 1 else None) for r in rows}
        out[name] = {"seconds": seconds, "rows": len(rows), "values": values}
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", required=True)
    ap.add_argument("--workload", required=True)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--timeout", type=float, default=60)
    ap.add_argument("--scratch", required=True)
    ap.add_argument("--systems", default="networkx,kuzu")
    a = ap.parse_args()
    with open(a.workload) as f:
        w = json.load(f)
    lines, cost, supplies = load(a.db, w["asOf"])
    result = {}
    systems = a.systems.split(",")
    if "networkx" in systems:
        try:
            import networkx  # noqa: F401
            log("networkx ...")
            result["networkx"] = run_networkx(lines, cost, supplies, w, a.repeat)
        except ImportError as error:
            result["networkx"] = {"skipped": str(error)}
    if "kuzu" in systems:
        try:
            import kuzu  # noqa: F401
        except ImportError as error:
            result["kuzu"] = {"skipped": str(error)}
        else:
            result["kuzu"] = run_kuzu(lines, cost, supplies, w, a.repeat, a.timeout, a.scratch)
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main()
