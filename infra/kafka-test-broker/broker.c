/*
 * sakip-kafka-mock: a Kafka-protocol test broker on loopback, built on
 * librdkafka's mock cluster (rdkafka_mock.h). See README.md.
 *
 * Usage: sakip-kafka-mock [brokers] [topic:partitions ...]
 *   brokers defaults to 3; topics get replication factor min(3, brokers).
 *
 * When ready prints ONE line of JSON on stdout:
 *   {"bootstrap":"127.0.0.1:xxxx,...","brokers":[1,2,3]}
 * then reads commands on stdin, one per line, answering one line each:
 *   down <id>                      -> ok | error ...
 *   up <id>                        -> ok | error ...
 *   topic <name> <partitions>      -> ok | error ...
 *   leader <topic> <partition> <id>-> ok | error ...   (moves partition leader)
 *   quit                           -> ok, then exits
 * Exits cleanly (cluster destroyed, status 0) on stdin EOF, SIGTERM or SIGINT.
 */
#include <errno.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <librdkafka/rdkafka.h>
#include <librdkafka/rdkafka_mock.h>

static volatile sig_atomic_t stop_requested = 0;

/* Self-pipe: the handler may run on any thread, so it wakes poll() in main
 * through this pipe instead of relying on EINTR. */
static int wake_pipe[2] = {-1, -1};

static void on_signal(int sig) {
        ssize_t r;
        (void)sig;
        stop_requested = 1;
        r              = write(wake_pipe[1], "x", 1);
        (void)r;
}

static int broker_cnt = 3;

static int parse_int(const char *s, long min, long max, long *out) {
        char *end = NULL;
        long v;
        if (!s || !*s)
                return -1;
        errno = 0;
        v     = strtol(s, &end, 10);
        if (errno || *end || v < min || v > max)
                return -1;
        *out = v;
        return 0;
}

static int valid_topic_name(const char *s) {
        size_t n = strlen(s);
        if (n == 0 || n > 249)
                return 0;
        for (size_t i = 0; i < n; i++) {
                char c = s[i];
                if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                      (c >= '0' && c <= '9') || c == '.' || c == '_' ||
                      c == '-'))
                        return 0;
        }
        return 1;
}

static int replication(void) {
        return broker_cnt < 3 ? broker_cnt : 3;
}

static int create_topic(rd_kafka_mock_cluster_t *mc,
                        const char *name,
                        const char *parts,
                        char *err,
                        size_t errsz) {
        long p;
        rd_kafka_resp_err_t e;
        if (!valid_topic_name(name)) {
                snprintf(err, errsz, "invalid topic name '%s'", name);
                return -1;
        }
        if (parse_int(parts, 1, 10000, &p)) {
                snprintf(err, errsz, "invalid partition count '%s'",
                         parts ? parts : "");
                return -1;
        }
        e = rd_kafka_mock_topic_create(mc, name, (int)p, replication());
        if (e) {
                snprintf(err, errsz, "topic create %s: %s", name,
                         rd_kafka_err2str(e));
                return -1;
        }
        return 0;
}

static int broker_id_arg(const char *s, long *id, char *err, size_t errsz) {
        if (parse_int(s, 1, broker_cnt, id)) {
                snprintf(err, errsz, "invalid broker id '%s' (1..%d)",
                         s ? s : "", broker_cnt);
                return -1;
        }
        return 0;
}

/* Returns 1 when the process should exit. */
static int handle_line(rd_kafka_mock_cluster_t *mc, char *line) {
        char err[512] = "";
        char *save = NULL;
        char *cmd  = strtok_r(line, " \t\r", &save);
        char *a1   = cmd ? strtok_r(NULL, " \t\r", &save) : NULL;
        char *a2   = a1 ? strtok_r(NULL, " \t\r", &save) : NULL;
        char *a3   = a2 ? strtok_r(NULL, " \t\r", &save) : NULL;
        long id, part;
        rd_kafka_resp_err_t e = RD_KAFKA_RESP_ERR_NO_ERROR;
        int rc                = 0;

        if (!cmd)
                return 0; /* blank line: ignore */

        if (!strcmp(cmd, "quit")) {
                printf("ok\n");
                fflush(stdout);
                return 1;
        } else if (!strcmp(cmd, "down") || !strcmp(cmd, "up")) {
                if (broker_id_arg(a1, &id, err, sizeof(err)))
                        rc = -1;
                else {
                        e = !strcmp(cmd, "down")
                                ? rd_kafka_mock_broker_set_down(mc, (int32_t)id)
                                : rd_kafka_mock_broker_set_up(mc, (int32_t)id);
                        if (e) {
                                snprintf(err, sizeof(err), "%s %ld: %s", cmd,
                                         id, rd_kafka_err2str(e));
                                rc = -1;
                        }
                }
        } else if (!strcmp(cmd, "topic")) {
                if (!a1 || !a2)
                        snprintf(err, sizeof(err),
                                 "usage: topic <name> <partitions>"),
                            rc = -1;
                else
                        rc = create_topic(mc, a1, a2, err, sizeof(err));
        } else if (!strcmp(cmd, "leader")) {
                if (!a1 || !valid_topic_name(a1) ||
                    parse_int(a2, 0, 100000, &part)) {
                        snprintf(err, sizeof(err),
                                 "usage: leader <topic> <partition> <id>");
                        rc = -1;
                } else if (broker_id_arg(a3, &id, err, sizeof(err))) {
                        rc = -1;
                } else {
                        e = rd_kafka_mock_partition_set_leader(
                            mc, a1, (int32_t)part, (int32_t)id);
                        if (e) {
                                snprintf(err, sizeof(err), "leader: %s",
                                         rd_kafka_err2str(e));
                                rc = -1;
                        }
                }
        } else {
                snprintf(err, sizeof(err), "unknown command '%s'", cmd);
                rc = -1;
        }

        if (rc)
                printf("error %s\n", err);
        else
                printf("ok\n");
        fflush(stdout);
        return 0;
}

int main(int argc, char **argv) {
        char errstr[512];
        rd_kafka_conf_t *conf;
        rd_kafka_t *rk;
        rd_kafka_mock_cluster_t *mc;
        sigset_t block, old;
        struct sigaction sa;
        char buf[8192];
        size_t used = 0;
        int argi    = 1;
        int eof     = 0;
        long n;

        if (argc > 1 && !strchr(argv[1], ':')) {
                if (parse_int(argv[1], 1, 64, &n)) {
                        fprintf(stderr, "invalid broker count '%s'\n", argv[1]);
                        return 2;
                }
                broker_cnt = (int)n;
                argi       = 2;
        }

        signal(SIGPIPE, SIG_IGN);
        if (pipe(wake_pipe)) {
                perror("pipe");
                return 1;
        }

        /* Block SIGTERM/SIGINT while librdkafka spawns its threads so they
         * inherit a blocked mask and the signal is delivered to main. */
        sigemptyset(&block);
        sigaddset(&block, SIGTERM);
        sigaddset(&block, SIGINT);
        pthread_sigmask(SIG_BLOCK, &block, &old);

        conf = rd_kafka_conf_new();
        if (rd_kafka_conf_set(conf, "log_level", "4", errstr,
                              sizeof(errstr)) != RD_KAFKA_CONF_OK)
                fprintf(stderr, "conf: %s\n", errstr);
        rk = rd_kafka_new(RD_KAFKA_PRODUCER, conf, errstr, sizeof(errstr));
        if (!rk) {
                fprintf(stderr, "rd_kafka_new failed: %s\n", errstr);
                return 1;
        }
        mc = rd_kafka_mock_cluster_new(rk, broker_cnt);
        if (!mc) {
                fprintf(stderr, "rd_kafka_mock_cluster_new failed\n");
                rd_kafka_destroy(rk);
                return 1;
        }

        memset(&sa, 0, sizeof(sa));
        sa.sa_handler = on_signal;
        sigemptyset(&sa.sa_mask);
        sa.sa_flags = 0; /* no SA_RESTART: interrupt poll() */
        sigaction(SIGTERM, &sa, NULL);
        sigaction(SIGINT, &sa, NULL);
        pthread_sigmask(SIG_SETMASK, &old, NULL);

        for (; argi < argc; argi++) {
                char spec[512];
                char *colon;
                snprintf(spec, sizeof(spec), "%s", argv[argi]);
                colon = strrchr(spec, ':');
                if (!colon) {
                        fprintf(stderr,
                                "invalid topic spec '%s' (name:partitions)\n",
                                argv[argi]);
                        rd_kafka_mock_cluster_destroy(mc);
                        rd_kafka_destroy(rk);
                        return 2;
                }
                *colon = '\0';
                if (create_topic(mc, spec, colon + 1, errstr,
                                 sizeof(errstr))) {
                        fprintf(stderr, "%s\n", errstr);
                        rd_kafka_mock_cluster_destroy(mc);
                        rd_kafka_destroy(rk);
                        return 2;
                }
        }

        printf("{\"bootstrap\":\"%s\",\"brokers\":[",
               rd_kafka_mock_cluster_bootstraps(mc));
        for (int i = 1; i <= broker_cnt; i++)
                printf("%s%d", i > 1 ? "," : "", i);
        printf("]}\n");
        fflush(stdout);

        while (!stop_requested && !eof) {
                struct pollfd pfd[2] = {{.fd = STDIN_FILENO, .events = POLLIN},
                                        {.fd = wake_pipe[0], .events = POLLIN}};
                ssize_t r;
                char *nl;
                int pr = poll(pfd, 2, 1000);
                if (pr < 0) {
                        if (errno == EINTR)
                                continue;
                        break;
                }
                if (pr == 0 || stop_requested || !(pfd[0].revents))
                        continue;
                r = read(STDIN_FILENO, buf + used, sizeof(buf) - 1 - used);
                if (r < 0) {
                        if (errno == EINTR || errno == EAGAIN)
                                continue;
                        break;
                }
                if (r == 0) {
                        eof = 1;
                        if (used == 0)
                                break;
                        buf[used++] = '\n'; /* handle a final unterminated line */
                } else
                        used += (size_t)r;
                buf[used] = '\0';
                while ((nl = memchr(buf, '\n', used))) {
                        size_t len = (size_t)(nl - buf) + 1;
                        *nl        = '\0';
                        if (handle_line(mc, buf)) {
                                stop_requested = 1;
                                break;
                        }
                        memmove(buf, buf + len, used - len);
                        used -= len;
                        buf[used] = '\0';
                }
                if (used >= sizeof(buf) - 1) {
                        printf("error line too long\n");
                        fflush(stdout);
                        used = 0;
                }
        }

        rd_kafka_mock_cluster_destroy(mc);
        rd_kafka_destroy(rk);
        return 0;
}
