/*
 * C references of the ising model's three kernels, the same algorithms as the Java chains
 * (engine models/ising: MetropolisChain, WolffChain, MultiSpinChain), for bench/kernels.sh:
 * 2D L x L periodic lattice at T = 2.269, h = 0, J = 1, neighbour table, byte spins.
 * The generator is xoshiro256** (the Java chains use L64X128MixRandom, of similar cost).
 * Prints one line per kernel: "<name> <ns per attempted spin flip>".
 *   gcc -O3 -march=native -o ising_kernels ising_kernels.c -lm && ./ising_kernels 64 3
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static uint64_t s[4] = {0x9E3779B97F4A7C15ULL, 0xBF58476D1CE4E5B9ULL, 0x94D049BB133111EBULL, 0x2545F4914F6CDD1DULL};
static inline uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
static inline uint64_t next(void) {
    uint64_t r = rotl(s[1] * 5, 7) * 9, t = s[1] << 17;
    s[2] ^= s[0]; s[3] ^= s[1]; s[1] ^= s[2]; s[0] ^= s[3]; s[2] ^= t; s[3] = rotl(s[3], 45);
    return r;
}
static inline double uniform(void) { return (next() >> 11) * 0x1.0p-53; }
static inline int below(int n) { return (int) (((next() >> 32) * (uint64_t) n) >> 32); }

static double now(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec + 1e-9 * t.tv_nsec; }

static int L, N, *nb;

static void lattice(void) {
    nb = malloc(sizeof(int) * 4 * N);
    for (int i = 0; i < N; i++) {
        int x = i % L, y = i / L;
        nb[4 * i] = y * L + (x + 1) % L; nb[4 * i + 1] = y * L + (x + L - 1) % L;
        nb[4 * i + 2] = ((y + 1) % L) * L + x; nb[4 * i + 3] = ((y + L - 1) % L) * L + x;
    }
}

/* random-site Metropolis, acceptance tabulated by spin and neighbour sum; ns per attempt */
static double metropolis(double beta, double seconds) {
    signed char *spin = malloc(N); memset(spin, 1, N);
    double acc[18];
    for (int up = 0; up < 2; up++)
        for (int sum = -4; sum <= 4; sum++) acc[up * 9 + sum + 4] = fmin(1.0, exp(-beta * 2 * (up ? 1 : -1) * sum));
    long attempts = 0; double t0 = now();
    while (now() - t0 < seconds) {
        for (int a = 0; a < N; a++) {
            int i = below(N), si = spin[i], sum = 0;
            for (int k = 0; k < 4; k++) sum += spin[nb[4 * i + k]];
            double p = acc[(si > 0 ? 9 : 0) + sum + 4];
            if (p >= 1.0 || uniform() < p) spin[i] = (signed char) -si;
        }
        attempts += N;
    }
    double ns = (now() - t0) * 1e9 / attempts; free(spin); return ns;
}

/* Wolff with the cluster array as its work list (breadth first); ns per spin added */
static double wolff(double beta, double seconds) {
    signed char *spin = malloc(N); memset(spin, 1, N);
    int *cluster = malloc(sizeof(int) * N), *mark = calloc(N, sizeof(int)), gen = 0;
    double padd = -expm1(-2 * beta);
    long added = 0; double t0 = now();
    while (now() - t0 < seconds) {
        for (int rep = 0; rep < 64; rep++) {
            gen++;
            int seed = below(N); signed char s0 = spin[seed];
            mark[seed] = gen; cluster[0] = seed; int size = 1;
            for (int next_ = 0; next_ < size; next_++) {
                int base = 4 * cluster[next_];
                for (int k = 0; k < 4; k++) {
                    int j = nb[base + k];
                    if (spin[j] == s0 && mark[j] != gen && uniform() < padd) { mark[j] = gen; cluster[size++] = j; }
                }
            }
            for (int c = 0; c < size; c++) spin[cluster[c]] = (signed char) -s0;
            added += size;
        }
    }
    double ns = (now() - t0) * 1e9 / added; free(spin); free(cluster); free(mark); return ns;
}

/* 64 replicas per word, checkerboard, lazy exact Bernoulli(q) bits, per-replica counts each sweep; ns per attempt */
static double multispin(double beta, double seconds) {
    uint64_t *spin = calloc(N, sizeof(uint64_t));
    int *order = malloc(sizeof(int) * N), n = 0;
    for (int parity = 0; parity < 2; parity++)
        for (int i = 0; i < N; i++) if (((i % L) + (i / L)) % 2 == parity) order[n++] = i;
    double q = exp(-4 * beta); int qd[53];
    for (int t = 0; t < 53; t++) { q *= 2; qd[t] = q >= 1; if (q >= 1) q -= 1; }
    uint64_t planes[2][32];
    long attempts = 0; double t0 = now();
    while (now() - t0 < seconds) {
        for (int o = 0; o < N; o++) {
            int i = order[o]; uint64_t si = spin[i], a1 = 0, a2 = 0;
            for (int k = 0; k < 4; k++) { uint64_t x = si ^ spin[nb[4 * i + k]]; a2 |= a1 & x; a1 |= x; }
            uint64_t accept = a2, pending = ~accept;
            uint64_t levels[2] = {~0ULL, a1};
            for (int k = 1; k >= 0 && pending; k--) {
                uint64_t success = 0, und = pending;
                for (int t = 0; t < 53 && und; t++) {
                    uint64_t r = next();
                    if (qd[t]) { success |= und & ~r; und &= r; } else und &= ~r;
                }
                pending &= success; accept |= pending & levels[k]; pending &= ~levels[k];
            }
            spin[i] = si ^ accept;
        }
        memset(planes, 0, sizeof planes);
        for (int i = 0; i < N; i++) {
            uint64_t words[3] = {spin[i], spin[i] ^ spin[nb[4 * i]], spin[i] ^ spin[nb[4 * i + 2]]};
            for (int w = 0; w < 3; w++) {
                uint64_t *p = planes[w == 0 ? 0 : 1], carry = words[w];
                for (int b = 0; carry; b++) { uint64_t nx = p[b] & carry; p[b] ^= carry; carry = nx; }
            }
        }
        attempts += (long) 64 * N;
    }
    double ns = (now() - t0) * 1e9 / attempts; free(spin); free(order); return ns;
}

int main(int argc, char **argv) {
    L = argc > 1 ? atoi(argv[1]) : 64; N = L * L;
    double seconds = argc > 2 ? atof(argv[2]) : 3, beta = 1 / 2.269;
    lattice();
    printf("metropolis %.4f\n", metropolis(beta, seconds));
    printf("wolff %.4f\n", wolff(beta, seconds));
    printf("metropolis-msc %.4f\n", multispin(beta, seconds));
    return 0;
}
