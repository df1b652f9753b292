"""Django's Redis cache, with one client per connection pool instead of one per call.

django.core.cache.backends.redis builds a new `redis.Redis` for every cache operation, and
redis-py's constructor fills a table of ~170 response callbacks each time: about 0.8 ms of
CPU per read, more than the rest of serving a cached page (core.pagecache). A `Redis` over a
pool is safe to share between threads, so it is made once per pool."""

from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient


class SharedClientRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class RedisCache(DjangoRedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = SharedClientRedisCacheClient
