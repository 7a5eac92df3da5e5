import { mayReadContent } from '../committee-items/committee-item.visibility';
import { ROUTE_POLICY } from '../security/route-policy';

describe('audit routes', () => {
  const routes = ['state', 'history', 'diff', 'export'] as const;

  it.each(routes)('%s is for auditors and admins only, both cleared to read closed committee items whole', (route) => {
    const roles = ROUTE_POLICY[`GET /cases/:stream/${route}`];
    expect(roles).toEqual(['auditor', 'admin']);
    for (const role of roles === 'public' ? [] : roles) expect(mayReadContent({ closed: true }, [role])).toBe(true);
  });
});
