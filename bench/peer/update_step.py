#!/usr/bin/env python3
"""The PyTorch peer of `lantern bench update`: updates per second of the same PPO training step on the same network.

What Lantern's "PPO step (fast pass)" times per minibatch: the forward pass of the actor-critic MLP (four-rooms
one-hot input of 7 x 13 x 13 = 1183 floats, a shared 64-64 tanh torso, a policy head of 4 logits and a value head,
float), PPO's loss as Lantern's PpoLoss writes it (clipped ratio with eps 0.2, 0.5 x the squared value error
weighted 0.5, entropy bonus 0.02), the backward pass, global gradient-norm clipping at 0.5 and one Adam step
(lr 2e-3, betas 0.9/0.999, eps 1e-8), at batch 32 and 256. Written as a researcher writes it in plain PyTorch
(log_softmax, not torch.distributions, which only adds overhead). Like the Java bench: eight distinct minibatches
cycled, built from random walks in four-rooms (the peer's own 7-plane encoding of the map read from Lantern's map
resource: walls, agent, goal; the other four planes are empty on this map), random actions, behaviour
log-probabilities near uniform, advantages and returns; a warm-up, then interleaved repetitions; median and range.
  OMP_NUM_THREADS=1 /usr/bin/python3 bench/peer/update_step.py [--seconds 1] [--repetitions 3]
"""
import argparse
import math
import os
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
MAP = os.path.join(ROOT, "environments/src/main/resources/dev/lantern/environments/grid/maps/four-rooms-v1.txt")
MOVES = [(-1, 0), (1, 0), (0, 1), (0, -1)]
POOL = 8


class ActorCritic(nn.Module):
    def __init__(self, inputs, actions, hidden=64):
        super().__init__()
        self.torso = nn.Sequential(nn.Linear(inputs, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh())
        self.policy = nn.Linear(hidden, actions)
        self.value = nn.Linear(hidden, 1)

    def forward(self, x):
        h = self.torso(x)
        return self.policy(h), self.value(h).squeeze(1)


def observations(rows, batch, rng):
    """`batch` observations of random walks (7 steps per minibatch, as the Java bench) in Lantern's 7-plane layout."""
    h, w = len(rows), len(rows[0])
    wall = np.array([[t == "#" for t in r] for r in rows], dtype=np.float32)
    goal = np.array([[t == "G" for t in r] for r in rows], dtype=np.float32)
    start = next((r, c) for r in range(h) for c in range(w) if rows[r][c] == "S")
    pos = [start] * batch
    pool = []
    for _ in range(POOL):
        for _ in range(7):
            moved = []
            for r, c in pos:
                dr, dc = MOVES[rng.integers(4)]
                moved.append((r, c) if wall[r + dr, c + dc] else (r + dr, c + dc))
            pos = moved
        obs = np.zeros((batch, 7, h, w), dtype=np.float32)
        obs[:, 0], obs[:, 2] = wall, goal
        for b, (r, c) in enumerate(pos):
            obs[b, 1, r, c] = 1.0
        pool.append(torch.from_numpy(obs.reshape(batch, -1)))
    return pool


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--seconds", type=float, default=1.0, help="seconds per measurement")
    p.add_argument("--repetitions", type=int, default=3, help="interleaved repetitions")
    args = p.parse_args()
    torch.set_num_threads(1)
    torch.manual_seed(1)
    with open(MAP) as f:
        rows = [line.rstrip("\n") for line in f if line.strip() and not line.startswith(";")]
    inputs, actions = 7 * len(rows) * len(rows[0]), 4
    print(f"peer update step: torch {torch.__version__}, MLP {inputs}-64-64-({actions}+1) tanh, float, Adam, "
          f"threads {torch.get_num_threads()} (OMP_NUM_THREADS={os.environ.get('OMP_NUM_THREADS', 'unset')}), "
          f"{args.seconds:.2f} s per measurement, {args.repetitions} repetitions")
    steps = {}
    for batch in (32, 256):
        rng = np.random.default_rng(batch)
        obs = observations(rows, batch, rng)
        targets = [(torch.from_numpy(rng.integers(actions, size=batch)),
                    torch.from_numpy(math.log(1 / actions) + (rng.random(batch, dtype=np.float32) - 0.5) * 0.2),
                    torch.from_numpy(rng.random(batch, dtype=np.float32) * 2 - 1),
                    torch.from_numpy(rng.random(batch, dtype=np.float32))) for _ in range(POOL)]
        net = ActorCritic(inputs, actions)
        opt = torch.optim.Adam(net.parameters(), lr=2e-3, betas=(0.9, 0.999), eps=1e-8)

        def step(i, net=net, opt=opt, obs=obs, targets=targets):
            a, old_logp, adv, ret = targets[i]
            logits, value = net(obs[i])
            logp_all = F.log_softmax(logits, dim=1)
            ratio = (logp_all.gather(1, a.unsqueeze(1)).squeeze(1) - old_logp).exp()
            policy_loss = -torch.min(ratio * adv, ratio.clamp(0.8, 1.2) * adv).mean()
            value_loss = 0.5 * ((value - ret) ** 2).mean()
            entropy = -(logp_all.exp() * logp_all).sum(1).mean()
            loss = policy_loss + 0.5 * value_loss - 0.02 * entropy
            opt.zero_grad(set_to_none=True)
            loss.backward()
            nn.utils.clip_grad_norm_(net.parameters(), 0.5)
            opt.step()
        steps[batch] = step

    def measure(step, seconds):
        n, end = 0, time.perf_counter() + seconds
        start = time.perf_counter()
        while True:
            step(n % POOL)
            n += 1
            now = time.perf_counter()
            if now >= end:
                return n / (now - start)

    for batch, step in steps.items():
        measure(step, args.seconds / 4)  # warm-up
    rates = {b: [] for b in steps}
    for _ in range(args.repetitions):
        for batch, step in steps.items():
            rates[batch].append(measure(step, args.seconds))
    print(f"{'batch':<6} {'way':<34} {'updates/s':>14} {'(min - max)':>22}")
    for batch, r in rates.items():
        r.sort()
        print(f"{batch:<6} {'PyTorch PPO step':<34} {np.median(r):>14,.0f} {f'({r[0]:,.0f} - {r[-1]:,.0f})':>22}")


if __name__ == "__main__":
    main()
