#!/usr/bin/env python3
"""The PyTorch peer of Lantern's PPO on grid/four-rooms-v1: what a researcher would write instead.

CleanRL's PPO (ppo.py: GAE, clipped policy and value losses, entropy bonus, advantage normalisation, global
gradient-norm clipping, Adam with eps 1e-5, linearly annealed learning rate) at CleanRL's defaults, with the issue's
settings: 16 envs x 128 steps, 4 epochs, 4 minibatches, lr 2.5e-4, on the same 64-64 tanh torso as Lantern's
(shared, policy head of 4 logits and a value head; CleanRL's orthogonal init). The environment is a numpy vector of
the exact four-rooms map read from Lantern's own map resource, with Lantern's rules (docs/maps.md): actions 0 up,
1 down, 2 right, 3 left; a wall or the edge is a bump (stay); every step -0.01, entering G +1 more and terminates;
the step that reaches 200 steps is truncated. Observations are the peer's own 3 one-hot planes (wall, agent, goal).
As in CleanRL, a truncated step ends the episode without bootstrapping.

After every iteration a greedy evaluation (argmax of the logits) plays --eval-episodes episodes side by side, as
Lantern's evaluator does; it solves when every episode reaches the goal and the mean return is >= 0.95 x the exact
optimum (1 - 0.01 x the shortest path, by breadth-first search on the map). Timing starts once the network, the
optimiser and the environments exist and includes the evaluations, as Lantern's time/first_solved_seconds does.

Prints one line per seed run: first_solved_seconds, first_solved_step, and the env steps/s while training.
  OMP_NUM_THREADS=1 /usr/bin/python3 bench/peer/ppo_four_rooms.py --seed 1
"""
import argparse
import os
import random
import sys
import time
from collections import deque

import numpy as np
import torch
import torch.nn as nn
from torch.distributions.categorical import Categorical

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
MAP = os.path.join(ROOT, "environments/src/main/resources/dev/lantern/environments/grid/maps/four-rooms-v1.txt")
MOVES = np.array([[-1, 0], [1, 0], [0, 1], [0, -1]])  # up, down, right, left (row, column)


def read_map(path):
    """The map's rows, comment lines (';') left out; only the tiles four-rooms uses are accepted."""
    with open(path) as f:
        rows = [line.rstrip("\n") for line in f if line.strip() and not line.startswith(";")]
    for r, row in enumerate(rows):
        for c, tile in enumerate(row):
            if tile not in "#.SG":
                sys.exit(f"{path}:{r + 1}:{c + 1}: tile {tile!r} is not one this peer models (# . S G)")
    if len({len(row) for row in rows}) != 1:
        sys.exit(f"{path}: rows of different lengths")
    return rows


class FourRooms:
    """N copies of the grid world stepped together; an ended episode is reset at once (gym's auto-reset)."""

    def __init__(self, rows, n, max_steps=200):
        self.h, self.w = len(rows), len(rows[0])
        self.wall = np.array([[t == "#" for t in row] for row in rows])
        self.goal = np.array([[t == "G" for t in row] for row in rows])
        self.start = np.argwhere(np.array([[t == "S" for t in row] for row in rows]))[0]
        self.n, self.max_steps = n, max_steps
        self.static = np.zeros((3, self.h, self.w), dtype=np.float32)
        self.static[0], self.static[2] = self.wall, self.goal
        self.pos = np.tile(self.start, (n, 1))
        self.steps = np.zeros(n, dtype=np.int64)

    def observe(self):
        obs = np.repeat(self.static[None], self.n, axis=0)
        obs[np.arange(self.n), 1, self.pos[:, 0], self.pos[:, 1]] = 1.0
        return obs.reshape(self.n, -1)

    def reset(self):
        self.pos[:] = self.start
        self.steps[:] = 0
        return self.observe()

    def step(self, actions):
        nxt = self.pos + MOVES[actions]
        inside = (nxt[:, 0] >= 0) & (nxt[:, 0] < self.h) & (nxt[:, 1] >= 0) & (nxt[:, 1] < self.w)
        nxt = np.where(inside[:, None], nxt, self.pos)
        blocked = self.wall[nxt[:, 0], nxt[:, 1]]
        self.pos = np.where(blocked[:, None], self.pos, nxt)
        self.steps += 1
        terminated = self.goal[self.pos[:, 0], self.pos[:, 1]]
        reward = np.where(terminated, 0.99, -0.01).astype(np.float32)
        truncated = ~terminated & (self.steps >= self.max_steps)
        done = terminated | truncated
        self.pos[done] = self.start
        self.steps[done] = 0
        return self.observe(), reward, terminated, truncated

    def optimal_return(self):
        """1 - 0.01 x the shortest path from S to G (breadth-first search): the exact optimum of the return."""
        dist = {tuple(self.start): 0}
        queue = deque([tuple(self.start)])
        while queue:
            r, c = queue.popleft()
            if self.goal[r, c]:
                return 1.0 - 0.01 * dist[(r, c)]
            for dr, dc in MOVES:
                nr, nc = r + dr, c + dc
                if 0 <= nr < self.h and 0 <= nc < self.w and not self.wall[nr, nc] and (nr, nc) not in dist:
                    dist[(nr, nc)] = dist[(r, c)] + 1
                    queue.append((nr, nc))
        sys.exit("the goal cannot be reached from the start")


def layer_init(layer, std=np.sqrt(2), bias_const=0.0):
    torch.nn.init.orthogonal_(layer.weight, std)
    torch.nn.init.constant_(layer.bias, bias_const)
    return layer


class Agent(nn.Module):
    """The 64-64 tanh torso shared by a policy head (logits) and a value head, CleanRL's init."""

    def __init__(self, inputs, actions, hidden=64):
        super().__init__()
        self.torso = nn.Sequential(layer_init(nn.Linear(inputs, hidden)), nn.Tanh(),
                                   layer_init(nn.Linear(hidden, hidden)), nn.Tanh())
        self.actor = layer_init(nn.Linear(hidden, actions), std=0.01)
        self.critic = layer_init(nn.Linear(hidden, 1), std=1.0)

    def get_value(self, x):
        return self.critic(self.torso(x))

    def get_action_and_value(self, x, action=None):
        hidden = self.torso(x)
        probs = Categorical(logits=self.actor(hidden))
        if action is None:
            action = probs.sample()
        return action, probs.log_prob(action), probs.entropy(), self.critic(hidden)


def evaluate(agent, rows, episodes, optimum, max_steps):
    """Greedy episodes side by side to their ends: (success rate, mean return); solved as Lantern's SolveCriterion."""
    env = FourRooms(rows, episodes, max_steps)
    obs = env.reset()
    live = np.ones(episodes, dtype=bool)
    returns = np.zeros(episodes)
    success = np.zeros(episodes, dtype=bool)
    with torch.no_grad():
        while live.any():
            actions = agent.actor(agent.torso(torch.from_numpy(obs))).argmax(dim=1).numpy()
            obs, reward, terminated, truncated = env.step(actions)
            returns[live] += reward[live]
            success |= live & terminated
            live &= ~(terminated | truncated)
    ret = returns.mean()
    return success.mean(), ret, success.all() and ret >= optimum - 0.05 * abs(optimum)


def parse():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--num-envs", type=int, default=16)
    p.add_argument("--num-steps", type=int, default=128)
    p.add_argument("--total-timesteps", type=int, default=500000, help="CleanRL's default; the lr anneals over it")
    p.add_argument("--learning-rate", type=float, default=2.5e-4)
    p.add_argument("--gamma", type=float, default=0.99)
    p.add_argument("--gae-lambda", type=float, default=0.95)
    p.add_argument("--num-minibatches", type=int, default=4)
    p.add_argument("--update-epochs", type=int, default=4)
    p.add_argument("--clip-coef", type=float, default=0.2)
    p.add_argument("--ent-coef", type=float, default=0.01)
    p.add_argument("--vf-coef", type=float, default=0.5)
    p.add_argument("--max-grad-norm", type=float, default=0.5)
    p.add_argument("--max-episode-steps", type=int, default=200)
    p.add_argument("--eval-episodes", type=int, default=10)
    p.add_argument("--keep-going", action="store_true", help="train the whole budget instead of stopping when solved")
    return p.parse_args()


def main():
    args = parse()
    torch.set_num_threads(1)
    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    rows = read_map(MAP)
    envs = FourRooms(rows, args.num_envs, args.max_episode_steps)
    optimum = envs.optimal_return()
    obs_size, n_actions = 3 * envs.h * envs.w, 4
    batch_size = args.num_envs * args.num_steps
    minibatch_size = batch_size // args.num_minibatches
    num_iterations = args.total_timesteps // batch_size
    agent = Agent(obs_size, n_actions)
    optimizer = torch.optim.Adam(agent.parameters(), lr=args.learning_rate, eps=1e-5)

    obs = torch.zeros((args.num_steps, args.num_envs, obs_size))
    actions = torch.zeros((args.num_steps, args.num_envs), dtype=torch.long)
    logprobs = torch.zeros((args.num_steps, args.num_envs))
    rewards = torch.zeros((args.num_steps, args.num_envs))
    dones = torch.zeros((args.num_steps, args.num_envs))
    values = torch.zeros((args.num_steps, args.num_envs))

    start = time.perf_counter()
    collect_seconds = eval_seconds = 0.0
    global_step = 0
    solved_step, solved_seconds = None, None
    next_obs = torch.from_numpy(envs.reset())
    next_done = torch.zeros(args.num_envs)
    for iteration in range(1, num_iterations + 1):
        frac = 1.0 - (iteration - 1.0) / num_iterations
        optimizer.param_groups[0]["lr"] = frac * args.learning_rate
        t0 = time.perf_counter()
        for step in range(args.num_steps):
            global_step += args.num_envs
            obs[step] = next_obs
            dones[step] = next_done
            with torch.no_grad():
                action, logprob, _, value = agent.get_action_and_value(next_obs)
                values[step] = value.flatten()
            actions[step] = action
            logprobs[step] = logprob
            o, reward, terminated, truncated = envs.step(action.numpy())
            rewards[step] = torch.from_numpy(reward)
            next_obs = torch.from_numpy(o)
            next_done = torch.from_numpy((terminated | truncated).astype(np.float32))
        collect_seconds += time.perf_counter() - t0

        with torch.no_grad():
            next_value = agent.get_value(next_obs).reshape(1, -1)
            advantages = torch.zeros_like(rewards)
            lastgaelam = 0
            for t in reversed(range(args.num_steps)):
                if t == args.num_steps - 1:
                    nextnonterminal, nextvalues = 1.0 - next_done, next_value
                else:
                    nextnonterminal, nextvalues = 1.0 - dones[t + 1], values[t + 1]
                delta = rewards[t] + args.gamma * nextvalues * nextnonterminal - values[t]
                advantages[t] = lastgaelam = delta + args.gamma * args.gae_lambda * nextnonterminal * lastgaelam
            returns = advantages + values

        b_obs = obs.reshape((-1, obs_size))
        b_logprobs, b_actions = logprobs.reshape(-1), actions.reshape(-1)
        b_advantages, b_returns, b_values = advantages.reshape(-1), returns.reshape(-1), values.reshape(-1)
        b_inds = np.arange(batch_size)
        for _ in range(args.update_epochs):
            np.random.shuffle(b_inds)
            for begin in range(0, batch_size, minibatch_size):
                mb = b_inds[begin:begin + minibatch_size]
                _, newlogprob, entropy, newvalue = agent.get_action_and_value(b_obs[mb], b_actions[mb])
                ratio = (newlogprob - b_logprobs[mb]).exp()
                mb_adv = b_advantages[mb]
                mb_adv = (mb_adv - mb_adv.mean()) / (mb_adv.std() + 1e-8)
                pg_loss = torch.max(-mb_adv * ratio,
                                    -mb_adv * torch.clamp(ratio, 1 - args.clip_coef, 1 + args.clip_coef)).mean()
                newvalue = newvalue.view(-1)
                v_clipped = b_values[mb] + torch.clamp(newvalue - b_values[mb], -args.clip_coef, args.clip_coef)
                v_loss = 0.5 * torch.max((newvalue - b_returns[mb]) ** 2, (v_clipped - b_returns[mb]) ** 2).mean()
                loss = pg_loss - args.ent_coef * entropy.mean() + v_loss * args.vf_coef
                optimizer.zero_grad()
                loss.backward()
                nn.utils.clip_grad_norm_(agent.parameters(), args.max_grad_norm)
                optimizer.step()

        t0 = time.perf_counter()
        success, ret, solved = evaluate(agent, rows, args.eval_episodes, optimum, args.max_episode_steps)
        eval_seconds += time.perf_counter() - t0
        if solved and solved_step is None:
            solved_step, solved_seconds = global_step, time.perf_counter() - start
            if not args.keep_going:
                break
    seconds = time.perf_counter() - start
    train_seconds = seconds - eval_seconds
    solved = (f"first_solved_seconds {solved_seconds:.2f} first_solved_step {solved_step}" if solved_step
              else f"first_solved_seconds NaN first_solved_step none (not solved in {global_step} steps)")
    print(f"peer seed {args.seed}: {solved} | {global_step} env steps in {seconds:.2f} s "
          f"(evaluations {eval_seconds:.2f} s), {global_step / train_seconds:.0f} env steps/s while training, "
          f"{global_step / collect_seconds:.0f} in collection | last eval success {success:.1f} return {ret:.3f} "
          f"(optimum {optimum:.2f})")


if __name__ == "__main__":
    main()
