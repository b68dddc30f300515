// Sends a byte range of a file to a TCP socket with Linux sendfile(2), on libuv's thread pool, so
// the bytes go from the page cache to the socket without passing through user space.
//
//   start(socketFd, fileFd, offset, length, stallMs, done) -> job
//   cancel(job)
//   done(outcome, bytesSent, errorName)   outcome: "done" | "client-gone" | "stalled" |
//                                         "cancelled" | "short-file" | "error"
//
// Both descriptors are duplicated (close-on-exec) before the copy starts and closed by the copy
// itself, so JavaScript may close its own socket or file handle at any time without the numbers
// being reused under the running copy. The socket is libuv's, non-blocking: when its buffer is full
// the copy waits in poll(2) in short slices, checking the cancel flag, and stops ("stalled") after
// stallMs without progress, so a client that stops reading never holds a pool thread for long.
#define NAPI_VERSION 8
#include <node_api.h>

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/sendfile.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

// One sendfile call moves at most this much, so a cancel is seen between calls.
#define MAX_CALL_BYTES (8 * 1024 * 1024)
// How long one poll(2) waits for room in the socket before the flags are checked again.
#define POLL_SLICE_MS 100

typedef enum { DONE, CLIENT_GONE, STALLED, CANCELLED, SHORT_FILE, FAILED } Outcome;
static const char *OUTCOME_NAMES[] = {"done", "client-gone", "stalled", "cancelled", "short-file", "error"};

typedef struct {
  napi_async_work work;
  napi_ref callback;
  int socket_fd;
  int file_fd;
  off_t offset;
  int64_t remaining;
  int64_t stall_ms;
  int64_t sent;
  atomic_int cancelled;
  Outcome outcome;
  int error;
  // Held by the running copy and by the JavaScript handle; freed when both let go (main thread only).
  int holders;
} Job;

static int64_t now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void release(napi_env env, Job *job) {
  if (--job->holders > 0) return;
  if (job->callback != NULL) napi_delete_reference(env, job->callback);
  free(job);
}

// Runs on a thread-pool thread: touches only the job and its own duplicated descriptors.
static void copy(napi_env env, void *data) {
  (void)env;
  Job *job = data;
  int64_t last_progress = now_ms();
  job->outcome = DONE;
  while (job->remaining > 0) {
    if (atomic_load(&job->cancelled)) {
      job->outcome = CANCELLED;
      break;
    }
    size_t count = job->remaining > MAX_CALL_BYTES ? MAX_CALL_BYTES : (size_t)job->remaining;
    ssize_t moved = sendfile(job->socket_fd, job->file_fd, &job->offset, count);
    if (moved > 0) {
      job->remaining -= moved;
      job->sent += moved;
      last_progress = now_ms();
      continue;
    }
    if (moved == 0) {  // the file ended early: it was truncated after it was opened
      job->outcome = SHORT_FILE;
      break;
    }
    if (errno == EINTR) continue;
    if (errno == EAGAIN || errno == EWOULDBLOCK) {
      if (now_ms() - last_progress >= job->stall_ms) {
        job->outcome = STALLED;
        break;
      }
      struct pollfd wait_for = {.fd = job->socket_fd, .events = POLLOUT};
      // An error or hang-up shows in the next sendfile call; nothing to read here.
      if (poll(&wait_for, 1, POLL_SLICE_MS) < 0 && errno != EINTR) {
        job->outcome = FAILED;
        job->error = errno;
        break;
      }
      continue;
    }
    job->outcome = (errno == EPIPE || errno == ECONNRESET) ? CLIENT_GONE : FAILED;
    job->error = errno;
    break;
  }
  close(job->socket_fd);
  close(job->file_fd);
}

// Back on the main thread: tells JavaScript how it went.
static void finished(napi_env env, napi_status status, void *data) {
  (void)status;
  Job *job = data;
  napi_value callback, global, argv[3];
  napi_get_reference_value(env, job->callback, &callback);
  napi_get_global(env, &global);
  napi_create_string_utf8(env, OUTCOME_NAMES[job->outcome], NAPI_AUTO_LENGTH, &argv[0]);
  napi_create_double(env, (double)job->sent, &argv[1]);
  if (job->error != 0) {
    napi_create_string_utf8(env, strerror(job->error), NAPI_AUTO_LENGTH, &argv[2]);
  } else {
    napi_get_null(env, &argv[2]);
  }
  napi_delete_async_work(env, job->work);
  // Let go of the callback now, not when the job's handle is collected: it holds the body stream.
  napi_delete_reference(env, job->callback);
  job->callback = NULL;
  napi_call_function(env, global, callback, 3, argv, NULL);
  release(env, job);
}

static void handle_collected(napi_env env, void *data, void *hint) {
  (void)hint;
  release(env, data);
}

static napi_value fail(napi_env env, const char *message) {
  napi_throw_error(env, NULL, message);
  return NULL;
}

static int duplicate(int fd, mode_t kind) {
  struct stat info;
  if (fstat(fd, &info) != 0 || (info.st_mode & S_IFMT) != kind) return -1;
  return fcntl(fd, F_DUPFD_CLOEXEC, 0);
}

static napi_value start(napi_env env, napi_callback_info info) {
  size_t argc = 6;
  napi_value argv[6];
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  if (argc < 6) return fail(env, "start(socketFd, fileFd, offset, length, stallMs, done)");
  int32_t socket_fd, file_fd;
  int64_t offset, length, stall_ms;
  napi_valuetype callback_type;
  if (napi_get_value_int32(env, argv[0], &socket_fd) != napi_ok || napi_get_value_int32(env, argv[1], &file_fd) != napi_ok ||
      napi_get_value_int64(env, argv[2], &offset) != napi_ok || napi_get_value_int64(env, argv[3], &length) != napi_ok ||
      napi_get_value_int64(env, argv[4], &stall_ms) != napi_ok || napi_typeof(env, argv[5], &callback_type) != napi_ok ||
      callback_type != napi_function || offset < 0 || length < 0 || stall_ms < 1) {
    return fail(env, "start: expected two descriptors, an offset, a length, a stall limit in ms and a callback");
  }
  Job *job = calloc(1, sizeof(Job));
  if (job == NULL) return fail(env, "start: out of memory");
  job->socket_fd = duplicate(socket_fd, S_IFSOCK);
  job->file_fd = duplicate(file_fd, S_IFREG);
  if (job->socket_fd < 0 || job->file_fd < 0) {
    if (job->socket_fd >= 0) close(job->socket_fd);
    if (job->file_fd >= 0) close(job->file_fd);
    free(job);
    return fail(env, "start: not a socket and a regular file");
  }
  job->offset = (off_t)offset;
  job->remaining = length;
  job->stall_ms = stall_ms;
  job->holders = 2;
  napi_value name, handle;
  napi_create_string_utf8(env, "lightpath:sendfile", NAPI_AUTO_LENGTH, &name);
  napi_create_reference(env, argv[5], 1, &job->callback);
  napi_create_async_work(env, NULL, name, copy, finished, job, &job->work);
  napi_create_external(env, job, handle_collected, NULL, &handle);
  if (napi_queue_async_work(env, job->work) != napi_ok) {
    close(job->socket_fd);
    close(job->file_fd);
    napi_delete_async_work(env, job->work);
    job->holders = 1;  // the handle's finalizer frees it
    return fail(env, "start: could not queue the copy");
  }
  return handle;
}

static napi_value cancel(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  void *data = NULL;
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  if (argc < 1 || napi_get_value_external(env, argv[0], &data) != napi_ok || data == NULL) return fail(env, "cancel(job)");
  atomic_store(&((Job *)data)->cancelled, 1);
  return NULL;
}

NAPI_MODULE_INIT() {
  napi_value start_fn, cancel_fn;
  napi_create_function(env, "start", NAPI_AUTO_LENGTH, start, NULL, &start_fn);
  napi_create_function(env, "cancel", NAPI_AUTO_LENGTH, cancel, NULL, &cancel_fn);
  napi_set_named_property(env, exports, "start", start_fn);
  napi_set_named_property(env, exports, "cancel", cancel_fn);
  return exports;
}
